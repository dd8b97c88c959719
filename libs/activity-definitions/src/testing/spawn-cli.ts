// Runs one of the library's CLIs as CI and authors do: a real node process.
// Asynchronous, so a test can serve HTTP to the CLI while it runs.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { jsonSchemaFile } from '../lib/schema/json-schema-file';

export const ROOT = dirname(dirname(jsonSchemaFile()));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function spawnCli(
  script: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const cli = join(ROOT, 'libs/activity-definitions/src', script);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', cli, ...args],
      {
        cwd: options.cwd ?? ROOT,
        env: {
          PATH: process.env['PATH'] ?? '',
          SWC_NODE_PROJECT: join(ROOT, 'tsconfig.base.json'),
          NODE_PATH: join(ROOT, 'node_modules'),
          ...options.env,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}
