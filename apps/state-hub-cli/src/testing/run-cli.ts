// Runs the BUILT CLI (dist/apps/state-hub-cli/main.js) as a user would, with
// exactly the environment a test gives it, and collects what it printed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const WORKSPACE_ROOT = join(__dirname, '../../../..');
export const CLI_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-cli/main.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(
  args: string[],
  env: Record<string, string | undefined> = {},
  options: { cwd?: string; command?: string[] } = {},
): Promise<CliRun> {
  const command = options.command ?? [process.execPath, CLI_MAIN];
  if (!options.command && !existsSync(CLI_MAIN)) {
    throw new Error(`${CLI_MAIN} is missing: run \`npx nx build state-hub-cli\` first`);
  }
  const started = Date.now();
  const child = spawn(command[0], [...command.slice(1), ...args], {
    cwd: options.cwd ?? WORKSPACE_ROOT,
    env: Object.fromEntries(
      Object.entries({ PATH: process.env['PATH'], HOME: process.env['HOME'], ...env }).filter(
        (e): e is [string, string] => e[1] !== undefined,
      ),
    ),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr, ms: Date.now() - started }));
  });
}
