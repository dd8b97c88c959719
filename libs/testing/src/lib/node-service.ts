// A built Node service (e.g. dist/apps/<app>/main.js) run as a child process
// with the environment a test gives it, started once its health URL answers
// 2xx and stopped by its own PID only.
import { type ChildProcess, spawn } from 'node:child_process';

export interface NodeServiceOptions {
  /** The script to run with this Node binary, e.g. `dist/apps/state-hub-api/main.js`. */
  script: string;
  args?: string[];
  /** The service's whole environment (nothing is inherited but PATH, unless `inheritEnv`). */
  env?: Record<string, string | undefined>;
  inheritEnv?: boolean;
  /** Polled until it answers 2xx. */
  healthUrl: string;
  startTimeoutMs?: number;
  cwd?: string;
  /** Keep everything the service writes, for allOutput() (tests that search the whole log). */
  keepAllOutput?: boolean;
}

export interface NodeService {
  pid: number;
  /** The last lines the service wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** Everything the service wrote so far; only with `keepAllOutput`. */
  allOutput(): string;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`. Safe to call twice. */
  stop(graceMs?: number): Promise<void>;
  /** Sends `signal` (e.g. SIGINT, as Ctrl-C does) and resolves with how the process exited. */
  interrupt(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const OUTPUT_TAIL_CHARS = 8000;

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false; // not listening yet
  }
}

function exitOf(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startNodeService(options: NodeServiceOptions): Promise<NodeService> {
  const base = options.inheritEnv ? process.env : { PATH: process.env['PATH'] };
  const env = Object.fromEntries(
    Object.entries({ ...base, ...options.env }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  const child = spawn(process.execPath, [options.script, ...(options.args ?? [])], {
    env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let tail = '';
  const all: string[] = [];
  const keep = (chunk: Buffer) => {
    const text = chunk.toString('utf8');
    tail = (tail + text).slice(-OUTPUT_TAIL_CHARS);
    if (options.keepAllOutput) all.push(text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));

  const service: NodeService = {
    pid: child.pid ?? -1,
    output: () => tail,
    allOutput: () => {
      if (!options.keepAllOutput) throw new Error('allOutput() needs startNodeService({ keepAllOutput: true })');
      return all.join('');
    },
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = exitOf(child);
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
    async interrupt(signal = 'SIGINT') {
      const exited = exitOf(child);
      child.kill(signal);
      await exited;
      return { code: child.exitCode, signal: child.signalCode };
    },
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 30_000);
  let failure: Error | undefined;
  void spawnError.then((e) => (failure = e));
  while (!(await answers(options.healthUrl))) {
    if (failure) throw new Error(`${options.script} could not be started: ${failure.message}`);
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${options.script} exited (${child.exitCode ?? child.signalCode}) before ${options.healthUrl} answered:\n${tail}`,
      );
    }
    if (Date.now() > deadline) {
      await service.stop(2000);
      throw new Error(`${options.script}: ${options.healthUrl} did not answer 2xx in time:\n${tail}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return service;
}
