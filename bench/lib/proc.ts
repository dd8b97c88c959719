// Child servers: start on a free port, wait until they answer, read their RSS and peak RSS, stop them by PID.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  /** The last lines the child printed, for error messages. */
  tail(): string;
}

import { IDLE_HEAP_TRIM } from '@state-hub/config';
import { freePort } from '@state-hub/testing';

export { freePort };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * How long a server has had nothing to do when its idle RSS is read: the apps hand the heap pages of their last
 * work back once they have been quiet for IDLE_HEAP_TRIM's spell (30 checks a second apart), plus 3 s for the
 * check's timing and the collection itself.
 */
export const IDLE_WAIT_MS = IDLE_HEAP_TRIM.quietChecks * IDLE_HEAP_TRIM.checkEveryMs + 3000;

/** How startServer waits for a server and what it runs it under. */
export interface StartOptions {
  /** How long the server may take to answer readyPath (default 60 s). */
  timeoutMs?: number;
  /** Runs node under another program: `['valgrind', '--tool=callgrind']` spawns `valgrind … node <args>`. */
  wrapper?: string[];
  /** Called with the child as soon as it is spawned, before it is ready (to stop it on Ctrl-C while it starts). */
  onSpawn?: (child: ChildProcess) => void;
}

/**
 * Spawns `node <args>` with PORT set, and resolves once GET <readyPath> answers 200.
 * Rejects (after killing the child) if it exits first or does not answer within the time-out.
 */
export async function startServer(
  name: string,
  args: string[],
  env: Record<string, string>,
  readyPath: string,
  { timeoutMs = 60_000, wrapper = [], onSpawn }: StartOptions = {},
): Promise<Server> {
  const port = await freePort();
  const [command, ...before] = [...wrapper, process.execPath];
  const child = spawn(command, [...before, ...args], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  onSpawn?.(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 30));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server: Server = { name, url: `http://127.0.0.1:${port}`, child, tail: () => lines.join('\n') };

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`${name} exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${server.tail()}`);
    }
    const ok = await fetch(server.url + readyPath)
      .then((res) => res.status === 200)
      .catch(() => false);
    if (ok) return server;
    await sleep(200);
  }
  await stopServer(server);
  throw new Error(`${name} did not answer ${readyPath} within ${timeoutMs} ms:\n${server.tail()}`);
}

/** SIGTERM, then SIGKILL after 5 s; only ever the PID we spawned. */
export async function stopServer(server: Pick<Server, 'child'>): Promise<void> {
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A memory figure of a process in MB, from /proc/<pid>/status. */
function statusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no ${field} for pid ${pid}`);
  return Number(m[1]) / 1024;
}

/** Resident set size of a process in MB, now (VmRSS). */
export const rssMb = (pid: number): number => statusMb(pid, 'VmRSS');

/** The highest resident set size a process has had so far, in MB (VmHWM, its "high water mark"). */
export const peakRssMb = (pid: number): number => statusMb(pid, 'VmHWM');

/** CPU time (user + system) a process has used so far, in seconds. */
export function cpuSeconds(pid: number): number {
  // Fields after the ")" of the command name: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // USER_HZ is 100 on Linux
}
