// `serve`: the whole system in one process (apps/state-hub, what `npm start`
// runs) as a child of this one, with --port/--data-dir/--definitions-dir set as
// its environment; Ctrl-C or SIGTERM is passed on, and its exit code is ours.
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { CommandFailure, EXIT, type ExitCode } from '../cli/cli-errors';
import type { CliIo } from '../cli/cli-io';
import type { Printer } from '../cli/printer';
import type { ServeEnv } from '../config/cli-env';
import { workspaceRoot } from '../config/workspace-root';
import { chooseAppEntry } from './app-entry';

export interface ServeFlags {
  port?: number;
  dataDir?: string;
  definitionsDir?: string;
  /** Run the TypeScript source even when a current build is there. */
  source: boolean;
}

function definitionsFolder(flags: ServeFlags, env: ServeEnv): string {
  const dir = resolve(env.cwd, flags.definitionsDir ?? env.definitionsDir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const how = flags.definitionsDir ? '--definitions-dir' : 'pass --definitions-dir or set ACTIVITY_DEFINITIONS_DIR';
    throw new CommandFailure(`no definitions folder at ${dir} (${how})`);
  }
  return dir;
}

export async function serve(
  flags: ServeFlags,
  env: ServeEnv,
  io: Pick<CliIo, 'onInterrupt'>,
  out: Printer,
): Promise<ExitCode> {
  const root = workspaceRoot();
  if (!root) {
    throw new CommandFailure('serve runs the app of a State Hub checkout, and this CLI is not inside one');
  }
  const definitionsDir = definitionsFolder(flags, env);
  const entry = chooseAppEntry(root, { source: flags.source });
  const register = join(root, 'node_modules/@swc-node/register/index.js');
  if (entry.kind === 'source' && !existsSync(register)) {
    throw new CommandFailure(`${entry.why}, but @swc-node/register is not installed: run \`npm install\` in ${root}`);
  }
  out.status(`state-hub serve: ${entry.why}`);
  const childEnv = {
    ...env.appEnv,
    ...(flags.port !== undefined && { PORT: String(flags.port) }),
    STATE_HUB_DATA_DIR: resolve(env.cwd, flags.dataDir ?? env.dataDir),
    ACTIVITY_DEFINITIONS_DIR: definitionsDir,
    ...(entry.kind === 'source' && { SWC_NODE_PROJECT: join(root, 'tsconfig.base.json') }),
  };
  const args = [...SERVER_NODE_FLAGS, ...(entry.kind === 'source' ? ['-r', register, entry.script] : [entry.script])];
  // Its own process group: Ctrl-C on the terminal reaches only this process, which passes it on exactly once
  // (a second SIGINT during the app's shutdown would cut its cleanup short).
  const child = spawn(process.execPath, args, { cwd: env.cwd, env: childEnv, stdio: 'inherit', detached: true });
  let stopping = false;
  const unsubscribe = io.onInterrupt?.((signal) => {
    stopping = true;
    if (child.exitCode === null) child.kill(signal);
  });
  try {
    return await new Promise<ExitCode>((resolveExit, reject) => {
      child.once('error', (err) => reject(new CommandFailure(`cannot start the app: ${err.message}`)));
      child.once('exit', (code, signal) => {
        // 0 after a clean stop (the app shuts down on SIGINT/SIGTERM), 1 when it failed (a bad setting, a crash)
        if (code === 0 || (code === null && stopping && (signal === 'SIGINT' || signal === 'SIGTERM'))) {
          resolveExit(EXIT.ok);
        } else {
          out.status(`state-hub serve: the app ended with ${code === null ? `signal ${signal}` : `exit code ${code}`}`);
          resolveExit(EXIT.failed);
        }
      });
    });
  } finally {
    unsubscribe?.();
  }
}
