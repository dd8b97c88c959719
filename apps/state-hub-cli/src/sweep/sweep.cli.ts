// The `sweep` and `compare-sweeps` commands: their flags, help and examples.
import { Option, type Command } from 'commander';
import { MAX_SECONDS, seconds, slug } from '../cli/arg-parsers';
import { EXIT } from '../cli/cli-errors';
import type { CommandContext } from '../cli/cli-io';
import { withHubFlags } from '../cli/connection-flags';
import { withExamples } from '../cli/examples';
import { printerFor } from '../cli/printer';
import { type HubFlags, readCommandEnv } from '../config/cli-env';
import type { SweepFlags } from './sweep.command';
import { CLI_SWEEP_SOURCES } from './sweep-sources';

export function addSweepCommands(program: Command, { io, done }: CommandContext): void {
  const sweep = program
    .command('sweep')
    .summary('Reconcile the workplan files of every active repo (or one) with the database.')
    .description(
      'Reconcile the workplan files of every active repo (or one) with the database: in this process with ' +
        'DATABASE_URL, else by asking the running hub.',
    )
    .option('--repo <slug>', 'only this repo (a one-repo sync: no budget)', slug)
    .option('--remote', 'fetch and fast-forward each repo behind the pull gate first', false)
    .option('--max-seconds <n>', `budget in seconds, 1..${MAX_SECONDS}`, seconds, 300)
    .addOption(new Option('--source <source>', 'who runs this sweep').choices(CLI_SWEEP_SOURCES).default('manual'))
    .option('--no-writeback', 'do not write assigned ids back into the files')
    .option('--json', 'print the report as JSON instead of a table', false);
  withExamples(withHubFlags(sweep), [
    'state-hub sweep',
    'state-hub sweep --repo state-hub --json',
    'DATABASE_URL=postgres://postgres@127.0.0.1/statehub state-hub sweep --remote --max-seconds 600',
  ]).action(async (flags: SweepFlags & HubFlags) => {
    const { hub, database } = await readCommandEnv(io.env, flags);
    const { runSweep } = await import('./sweep.command'); // loaded when it runs, not for --help
    done(await runSweep(flags, hub, database, io, printerFor(io)));
  });

  const compare = program
    .command('compare-sweeps')
    .description('Compare the recorded sweeps per source (the parallel run) over a time window.')
    .requiredOption('--since <when>', 'window start: a duration back from --until (7d, 24h) or an ISO timestamp')
    .option('--until <iso>', 'window end, ISO timestamp (default now)')
    .option('--json', 'print the comparison as JSON instead of a table', false);
  withExamples(withHubFlags(compare), [
    'state-hub compare-sweeps --since 7d',
    'state-hub compare-sweeps --since 2026-11-20T00:00:00Z --until 2026-11-27T00:00:00Z --json',
  ]).action(async (flags: { since: string; until?: string; json: boolean } & HubFlags) => {
    const { hub, database } = await readCommandEnv(io.env, flags);
    const { runCompare } = await import('../compare/compare.command'); // loaded when it runs, not for --help
    await runCompare(flags, hub, database, printerFor(io));
    done(EXIT.ok);
  });
}
