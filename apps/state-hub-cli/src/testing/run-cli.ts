// Runs the CLI as a user would, with exactly the environment a test gives it,
// and collects what it printed: the BUILT CLI (dist/apps/state-hub-cli/main.js)
// with runCli, the `state-hub` command itself (bin/state-hub.cjs: that build while
// it is current, else the TypeScript source; what `npx state-hub` runs) with
// runStateHub and spawnStateHub.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const CLI_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-cli/main.js');
export const STATE_HUB_BIN = join(WORKSPACE_ROOT, 'bin/state-hub.cjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  cwd?: string;
  command?: string[];
  /** Written to stdin, which is then closed; without it stdin is /dev/null. */
  input?: string;
}

function childEnv(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries({ PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }).filter(
      (e): e is [string, string] => e[1] !== undefined,
    ),
  );
}

export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: RunOptions = {},
): Promise<CliRun> {
  const command = options.command ?? [process.execPath, CLI_MAIN];
  if (!options.command && !existsSync(CLI_MAIN)) {
    throw new Error(`${CLI_MAIN} is missing: run \`npx nx build state-hub-cli\` first`);
  }
  const started = Date.now();
  const child = spawn(command[0], [...command.slice(1), ...args], {
    cwd: options.cwd ?? WORKSPACE_ROOT,
    env: childEnv(env),
    stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (options.input !== undefined) child.stdin?.end(options.input);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}

/** `state-hub …` as `npx state-hub` runs it: bin/state-hub.cjs (the CLI's build when current, else its source). */
export function runStateHub(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: Omit<RunOptions, 'command'> = {},
): Promise<CliRun> {
  return runCli(args, env, { ...options, command: [process.execPath, STATE_HUB_BIN] });
}

/** A long-running `state-hub …` (events tail, serve): its output so far, a wait for a line, and its end. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once `pattern` shows on stdout or stderr; rejects after `timeoutMs` or when the process ends. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Resolves with the exit code (null: ended by a signal) once the process has ended. */
  exited(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Ends it with SIGKILL if it still runs (cleanup only). */
  kill(): void;
}

export function spawnStateHub(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { cwd?: string } = {},
): RunningCli {
  const child = spawn(process.execPath, [STATE_HUB_BIN, ...args], {
    cwd: options.cwd ?? WORKSPACE_ROOT,
    env: childEnv(env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  let closed = false;
  // 'close': the process has ended and its output is all read
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('close', (code, signal) => {
      closed = true;
      resolve({ code, signal });
    }),
  );
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitFor(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(stdout) && !pattern.test(stderr)) {
        if (closed || Date.now() > deadline) {
          throw new Error(`no ${pattern} from state-hub ${args.join(' ')}:\n${stdout}\n${stderr}`);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    exited: () => exit,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
