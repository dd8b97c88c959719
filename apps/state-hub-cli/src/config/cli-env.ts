// The CLI's one reading of the environment, validated: bad values are one
// ConfigError (exit 1) with a line naming each variable. Nothing else in the CLI
// reads process.env.
import { ConfigError } from '@state-hub/config';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '@state-hub/consistency-sweep';
import { UsageError } from '../cli/cli-errors';

export const DEFAULT_HUB_URL = 'http://127.0.0.1:3000';
/** The engine alone (apps/event-consumer); under `npm start` it is http://127.0.0.1:3000/engine. */
export const DEFAULT_ENGINE_URL = 'http://127.0.0.1:3001';

/** What the engine's commands (dead-letters, runs) need. */
export interface EngineEnv {
  engineUrl: string;
  /** ENGINE_API_TOKEN, else STATE_HUB_API_TOKEN (which guards /engine/ in the one-process deployment). */
  token?: string;
}

/** What every command needs to reach the hub. */
export interface HubEnv {
  hubUrl: string;
  token?: string;
  /** Where relative paths given on the command line start (npm run changes the working directory). */
  cwd: string;
}

/** What a command that may run in this process needs. */
export interface DatabaseEnv {
  /** Set: sweeps and comparisons run in this process against that database; unset: over HTTP. */
  databaseUrl?: string;
  /** The sweep's settings for in-process runs (the same SWEEP_* variables as the API). */
  sweepSettings: SweepSettings;
}

type Env = Record<string, string | undefined>;
/** Where each check adds its line; the reader throws them all at once. */
type Problems = string[];

const BOOL: Record<string, boolean> = { true: true, '1': true, yes: true, on: true };
for (const w of ['false', '0', 'no', 'off']) BOOL[w] = false;

function bool(env: Env, name: string, fallback: boolean, problems: Problems): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = BOOL[raw.toLowerCase()];
  if (value === undefined) problems.push(`${name} must be true or false (got "${raw}")`);
  return value ?? fallback;
}

function int(env: Env, name: string, min: number, max: number, fallback: number, problems: Problems): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    problems.push(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
    return fallback;
  }
  return Number(raw);
}

/** An http(s) base URL without a trailing slash; `what` names the flag or variable. */
export function parseHubUrl(raw: string, what: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UsageError(`${what} must be an http:// or https:// URL (got "${raw}")`);
  }
  if (!/^https?:$/.test(url.protocol) || /['"\s\\]/.test(raw) || url.search || url.hash) {
    throw new UsageError(`${what} must be an http:// or https:// URL without quotes, query or fragment (got "${raw}")`);
  }
  return url.toString().replace(/\/+$/, '');
}

const WORKPLAN_DIR = /^(?!\/)(?!(.*\/)?\.\.(\/|$))[A-Za-z0-9._/-]{1,200}$/;
// The same rules (and messages) as the API's config for the writeback commit's author.
const AUTHOR_NAME = /^[^<>\n\r]+$/;
const AUTHOR_EMAIL = /^[^\s@<>]{1,100}@[^\s@<>]{1,200}$/;

function authorName(env: Env, fallback: string, problems: Problems): string {
  const name = env['SWEEP_GIT_AUTHOR_NAME'] || fallback;
  if (name.length > 200) problems.push('SWEEP_GIT_AUTHOR_NAME must be at most 200 characters');
  else if (!AUTHOR_NAME.test(name)) {
    problems.push(`SWEEP_GIT_AUTHOR_NAME must be one line without < or > (got ${JSON.stringify(name)})`);
  }
  return name;
}

function authorEmail(env: Env, fallback: string, problems: Problems): string {
  const email = env['SWEEP_GIT_AUTHOR_EMAIL'] || fallback;
  if (!AUTHOR_EMAIL.test(email)) {
    problems.push(`SWEEP_GIT_AUTHOR_EMAIL must be an e-mail address (got ${JSON.stringify(email)})`);
  }
  return email;
}

function hubEnv(env: Env, problems: Problems): HubEnv {
  let hubUrl = DEFAULT_HUB_URL;
  try {
    hubUrl = parseHubUrl(env['STATE_HUB_URL'] || DEFAULT_HUB_URL, 'STATE_HUB_URL');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    problems.push(err.message);
  }
  return { hubUrl, token: env['STATE_HUB_API_TOKEN'] || undefined, cwd: env['INIT_CWD'] || process.cwd() };
}

function databaseEnv(env: Env, problems: Problems): DatabaseEnv {
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  const workplanDir = env['SWEEP_WORKPLAN_DIR'] || DEFAULT_SWEEP_SETTINGS.workplanDir;
  if (!WORKPLAN_DIR.test(workplanDir)) {
    problems.push(`SWEEP_WORKPLAN_DIR must be a relative path inside the repo (got "${workplanDir}")`);
  }
  const d = DEFAULT_SWEEP_SETTINGS;
  return {
    databaseUrl,
    sweepSettings: {
      commitWriteback: bool(env, 'SWEEP_COMMIT_WRITEBACK', d.commitWriteback, problems),
      pushWriteback: bool(env, 'SWEEP_PUSH_WRITEBACK', d.pushWriteback, problems),
      workplanDir,
      gitAuthorName: authorName(env, d.gitAuthorName, problems),
      gitAuthorEmail: authorEmail(env, d.gitAuthorEmail, problems),
      repoLockWaitSeconds: int(env, 'SWEEP_REPO_LOCK_WAIT_SECONDS', 0, 600, d.repoLockWaitSeconds, problems),
    },
  };
}

/** Runs the checks and throws every problem they found as one ConfigError. */
function checked<T>(read: (problems: Problems) => T): T {
  const problems: Problems = [];
  const value = read(problems);
  if (problems.length > 0) throw new ConfigError(problems);
  return value;
}

function engineEnv(env: Env, problems: Problems): EngineEnv {
  let engineUrl = DEFAULT_ENGINE_URL;
  try {
    engineUrl = parseHubUrl(env['ENGINE_URL'] || DEFAULT_ENGINE_URL, 'ENGINE_URL');
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    problems.push(err.message);
  }
  return { engineUrl, token: env['ENGINE_API_TOKEN'] || env['STATE_HUB_API_TOKEN'] || undefined };
}

/** What a command that talks to the engine (dead-letters, runs) needs. */
export function readEngineEnv(env: Env = process.env): EngineEnv {
  return checked((problems) => engineEnv(env, problems));
}

/** What a command that only talks to the hub (hooks) needs. */
export function readHubEnv(env: Env = process.env): HubEnv {
  return checked((problems) => hubEnv(env, problems));
}

/** What a command that may run in this process (sweep, compare-sweeps) needs: every problem of both at once. */
export function readCommandEnv(env: Env = process.env): { hub: HubEnv; database: DatabaseEnv } {
  return checked((problems) => ({ hub: hubEnv(env, problems), database: databaseEnv(env, problems) }));
}
