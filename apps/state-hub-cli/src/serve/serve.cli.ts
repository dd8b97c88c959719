// The `serve` command: its flags, help and examples.
import type { Command } from 'commander';
import { port } from '../cli/arg-parsers';
import type { CommandContext } from '../cli/cli-io';
import { withExamples } from '../cli/examples';
import { printerFor } from '../cli/printer';
import { readServeEnv } from '../config/cli-env';
import type { ServeFlags } from './serve.command';

export function addServeCommand(program: Command, { io, done }: CommandContext): void {
  const command = program
    .command('serve')
    .summary('Run the whole system in one process (what `npm start` runs).')
    .description(
      'Run the whole system in one process (what `npm start` runs): the hub API, the activity engine with its cron ' +
        'and the definitions, on the embedded database (or DATABASE_URL, NATS_URL). Runs the build ' +
        'dist/apps/state-hub/main.js when it is current, else the source. Ctrl-C stops it.',
    )
    .option('--port <port>', 'HTTP port (default: PORT or 3000)', port)
    .option('--data-dir <dir>', 'the embedded database (default: STATE_HUB_DATA_DIR or .state-hub)')
    .option('--definitions-dir <dir>', 'the definitions (default: ACTIVITY_DEFINITIONS_DIR or activity-definitions)')
    .option('--source', 'run the TypeScript source even when a current build is there', false);
  withExamples(command, [
    'state-hub serve',
    'state-hub serve --port 3100 --data-dir /var/lib/state-hub --definitions-dir ./activity-definitions',
    'DATABASE_URL=postgres://postgres@127.0.0.1/statehub NATS_URL=nats://127.0.0.1:4222 state-hub serve',
  ]).action(async (flags: ServeFlags) => {
    const { serve } = await import('./serve.command'); // loaded when it runs, not for --help
    done(await serve(flags, readServeEnv(io.env), io, printerFor(io)));
  });
}
