// Runs the built job (dist/apps/stale-cleanup/main.js) as a child process with
// only the environment a test gives it, and collects its exit code and output.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const JOB_MAIN = join(WORKSPACE_ROOT, 'dist/apps/stale-cleanup/main.js');

export interface JobResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Non-empty stdout lines. */
  lines: string[];
}

export function runJob(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<JobResult> {
  if (!existsSync(JOB_MAIN)) throw new Error(`${JOB_MAIN} is missing: run \`npx nx build stale-cleanup\` first`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [JOB_MAIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
      cwd: WORKSPACE_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`stale-cleanup ${args.join(' ')} did not exit in ${timeoutMs} ms:\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, lines: stdout.split('\n').filter((l) => l.trim() !== '') });
    });
  });
}
