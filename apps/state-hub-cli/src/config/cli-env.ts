// The CLI's one reading of the environment, validated: bad values are one
// ConfigError (exit 1) with a line naming each variable. Nothing else in the CLI
// reads process.env.
import { ConfigError } from '@state-hub/config';
import type { SweepSettings } from '@state-hub/consistency-sweep';
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

/** `--engine-url` and `--token`: they win over ENGINE_URL and ENGINE_API_TOKEN. */
export interface EngineFlags {
  engineUrl?: string;
  token?: string;
}

/** `--hub-url` and `--token`: they win over STATE_HUB_URL and STATE_HUB_API_TOKEN. */
export interface HubFlags {
  hubUrl?: string;
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

/** Where relative paths given on the command line start (`npm run` changes the working directory; INIT_CWD is the caller's). */
function workingDir(env: Env): string {
  return env['INIT_CWD'] || process.cwd();
}

function hubEnv(env: Env, problems: Problems, flags: HubFlags): HubEnv {
  let hubUrl = flags.hubUrl ?? DEFAULT_HUB_URL;
  if (flags.hubUrl === undefined) {
    try {
      hubUrl = parseHubUrl(env['STATE_HUB_URL'] || DEFAULT_HUB_URL, 'STATE_HUB_URL');
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      problems.push(err.message);
    }
  }
  return { hubUrl, token: flags.token || env['STATE_HUB_API_TOKEN'] || undefined, cwd: workingDir(env) };
}

function databaseUrlOf(env: Env, problems: Problems): string | undefined {
  const databaseUrl = env['DATABASE_URL'] || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\/\S+$/.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL');
  }
  return databaseUrl;
}

function databaseEnv(env: Env, problems: Problems, defaults: SweepSettings): DatabaseEnv {
  const databaseUrl = databaseUrlOf(env, problems);
  const workplanDir = env['SWEEP_WORKPLAN_DIR'] || defaults.workplanDir;
  if (!WORKPLAN_DIR.test(workplanDir)) {
    problems.push(`SWEEP_WORKPLAN_DIR must be a relative path inside the repo (got "${workplanDir}")`);
  }
  const d = defaults;
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

function engineEnv(env: Env, problems: Problems, flags: EngineFlags): EngineEnv {
  let engineUrl = flags.engineUrl ?? DEFAULT_ENGINE_URL;
  if (flags.engineUrl === undefined) {
    try {
      engineUrl = parseHubUrl(env['ENGINE_URL'] || DEFAULT_ENGINE_URL, 'ENGINE_URL');
    } catch (err) {
      if (!(err instanceof UsageError)) throw err;
      problems.push(err.message);
    }
  }
  return { engineUrl, token: flags.token || env['ENGINE_API_TOKEN'] || env['STATE_HUB_API_TOKEN'] || undefined };
}

/** What a command that talks to the engine (dead-letters, runs, definitions list) needs; flags win. */
export function readEngineEnv(env: Env = process.env, flags: EngineFlags = {}): EngineEnv {
  return checked((problems) => engineEnv(env, problems, flags));
}

/** What a command that only talks to the hub (hooks) needs; flags win. */
export function readHubEnv(env: Env = process.env, flags: HubFlags = {}): HubEnv {
  return checked((problems) => hubEnv(env, problems, flags));
}

/**
 * What a command that may run in this process (sweep, compare-sweeps) needs: every problem of both at once. Async
 * because the sweep's defaults come with the sweep, which only these commands load (it brings the database layer).
 */
export async function readCommandEnv(
  env: Env = process.env,
  flags: HubFlags = {},
): Promise<{ hub: HubEnv; database: DatabaseEnv }> {
  const { DEFAULT_SWEEP_SETTINGS } = await import('../sweep/sweep-defaults');
  return checked((problems) => ({
    hub: hubEnv(env, problems, flags),
    database: databaseEnv(env, problems, DEFAULT_SWEEP_SETTINGS),
  }));
}

/** Where `events tail` reads: NATS_URL (JetStream), else the hub's outbox at DATABASE_URL. */
export interface EventsEnv {
  natsUrl?: string;
  stream: string;
  databaseUrl?: string;
}

export const NATS_URL_PATTERN = /^(nats|tls|wss?):\/\/[^\s,]+(,(nats|tls|wss?):\/\/[^\s,]+)*$/;
export const STREAM_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** `--nats-url` and `--stream` win over NATS_URL and NATS_STREAM (checked the way the hub checks them). */
export function readEventsEnv(env: Env, flags: { natsUrl?: string; stream?: string }): EventsEnv {
  return checked((problems) => {
    const natsUrl = flags.natsUrl ?? (env['NATS_URL'] || undefined);
    if (flags.natsUrl === undefined && natsUrl !== undefined && !NATS_URL_PATTERN.test(natsUrl)) {
      problems.push('NATS_URL must be one or more nats:// (or tls://) URLs, comma separated');
    }
    const stream = flags.stream ?? (env['NATS_STREAM'] || 'ACTIVITY_EVENTS');
    if (!STREAM_NAME_PATTERN.test(stream)) {
      problems.push('NATS_STREAM must be a stream name (letters, digits, - and _)');
    }
    return { natsUrl, stream, databaseUrl: databaseUrlOf(env, problems) };
  });
}

/** What the definition commands read: the folder (ACTIVITY_DEFINITIONS_DIR, as the engine) and `${VAR}` values. */
export interface DefinitionsEnv {
  /** The definitions folder when none is given: ACTIVITY_DEFINITIONS_DIR or `activity-definitions`. */
  dir: string;
  /** What `${VAR}` in a definition is replaced with: the whole environment, as the engine does. */
  variables: Env;
  /** Where relative paths given on the command line start. */
  cwd: string;
}

export function readDefinitionsEnv(env: Env): DefinitionsEnv {
  return { dir: env['ACTIVITY_DEFINITIONS_DIR'] || 'activity-definitions', variables: env, cwd: workingDir(env) };
}

/** What `serve` hands the app: the environment as it is, where it runs, and its own defaults. */
export interface ServeEnv {
  cwd: string;
  definitionsDir: string;
  dataDir: string;
  /** The app reads its settings (DATABASE_URL, NATS_URL, tokens …) from here itself. */
  appEnv: Env;
}

export function readServeEnv(env: Env): ServeEnv {
  const { INIT_CWD: _npmCwd, ...appEnv } = env;
  return {
    cwd: workingDir(env),
    definitionsDir: env['ACTIVITY_DEFINITIONS_DIR'] || 'activity-definitions',
    dataDir: env['STATE_HUB_DATA_DIR'] || '.state-hub',
    appEnv,
  };
}
