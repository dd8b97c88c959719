// The `runs list | show | replay` commands: their flags, help and examples.
import { RUN_STATUSES, type RunStatus } from '@state-hub/engine-client';
import { Option, type Command } from 'commander';
import { limit, seconds } from '../cli/arg-parsers';
import type { CommandContext } from '../cli/cli-io';
import { withEngineFlags } from '../cli/connection-flags';
import { withExamples } from '../cli/examples';
import { printerFor } from '../cli/printer';
import { type EngineFlags, readEngineEnv } from '../config/cli-env';
import type { ListRunsFlags } from './runs.command';

// Each command loads what it runs when it runs: `--help` and the other commands do not pay for it.
const commands = () => import('./runs.command');

export function addRunsCommands(program: Command, { io, done }: CommandContext): void {
  const runs = program.command('runs').description("The engine's run history: list runs, show one, replay one.");
  withExamples(runs, ['state-hub runs list --status failed']);

  const list = runs
    .command('list')
    .summary('Runs, newest first, with filters.')
    .description('Runs, newest first (default 50): when, which definition, what triggered it, the outcome.')
    .option('--definition <id>', 'only runs of this definition')
    .addOption(new Option('--status <status>', 'only runs with this status').choices(RUN_STATUSES))
    .option('--since <when>', 'started since: a duration back from now (7d, 24h) or an ISO timestamp')
    .option('--limit <n>', 'at most this many runs, 1..500', limit)
    .option('--json', "print the engine's page ({ items, total, limit, offset }) as JSON", false);
  withExamples(withEngineFlags(list), [
    'state-hub runs list',
    'state-hub runs list --definition the-custodian.state-hub-consistency-sweep --status skipped --limit 10',
    'state-hub runs list --status failed --since 24h --json',
  ]).action(async (flags: ListRunsFlags & EngineFlags & { status?: RunStatus }) => {
    const { listRuns } = await commands();
    done(await listRuns(flags, readEngineEnv(io.env, flags), printerFor(io)));
  });

  const show = runs
    .command('show')
    .summary('One run with its context, rule checks and result.')
    .description('One run: trigger, status, timing, its context snapshot, rule checks and result, its replays.')
    .argument('<id>', 'the run id (a UUID)')
    .option('--json', 'print the run as JSON', false);
  withExamples(withEngineFlags(show), ['state-hub runs show 0190f7a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b']).action(
    async (id: string, flags: EngineFlags & { json: boolean }) => {
      const { showRun } = await commands();
      done(await showRun(id, flags, readEngineEnv(io.env, flags), printerFor(io)));
    },
  );

  const replay = runs
    .command('replay')
    .summary("Run a run's definition again for the same trigger.")
    .description(
      "Run a run's definition again for the same trigger (the recorded event, the cron slot or the request).",
    )
    .argument('<id>', 'the run id (a UUID)')
    .option('--wait [seconds]', 'wait for the replay to finish (default 600 s); exit 1 unless it succeeded', seconds)
    .option('--json', 'print the run as JSON', false);
  withExamples(withEngineFlags(replay), ['state-hub runs replay 0190f7a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b --wait']).action(
    async (id: string, flags: EngineFlags & { wait?: number | true; json: boolean }) => {
      const wait = flags.wait === true ? 600 : flags.wait;
      const { replayRun } = await commands();
      done(await replayRun(id, { wait, json: flags.json }, readEngineEnv(io.env, flags), printerFor(io)));
    },
  );
}
