// A built app run once until it exits (e.g. refused at start: a bad setting, a
// bad flag), with only the environment a test gives it, and what it printed.
import { spawn } from 'node:child_process';

export interface ExitedRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunToExitOptions {
  args?: string[];
  /** The whole environment besides PATH. */
  env?: Record<string, string>;
  cwd?: string;
  /** The run is killed and the promise rejected (with its output) after this long. */
  timeoutMs?: number;
}

export function runToExit(script: string, options: RunToExitOptions = {}): Promise<ExitedRun> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...(options.args ?? [])], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...options.env },
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
