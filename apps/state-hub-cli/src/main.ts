// Entry point of the `state-hub` CLI: `npx state-hub` (bin/state-hub.cjs runs the
// build of this file while it is current, else this source), `npm run hub -- <command>`,
// or the built dist/apps/state-hub-cli/main.js directly.
import type { CliIo } from './cli/cli-io';
import { runCli } from './cli/program';

/** SIGINT and SIGTERM go to the running command's handler (events tail, serve) instead of ending the process. */
const onInterrupt: CliIo['onInterrupt'] = (handler) => {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  for (const signal of signals) process.on(signal, handler);
  return () => {
    for (const signal of signals) process.off(signal, handler);
  };
};

// `state-hub runs list | head`: the reader went away, which ends the command quietly (as it does for cat)
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(process.exitCode ?? 0);
  });
}

runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // a getter: process.stdin is opened only by a command that reads it (definitions test --event -)
  get stdin() {
    return process.stdin;
  },
  env: process.env,
  onInterrupt,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error('state-hub: unexpected failure:', err);
    process.exitCode = 1;
  },
);
