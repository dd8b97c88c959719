// The `dead-letters list | show | redrive` commands: their flags, help and examples.
import type { Command } from 'commander';
import { limit } from '../cli/arg-parsers';
import type { CommandContext } from '../cli/cli-io';
import { withEngineFlags } from '../cli/connection-flags';
import { withExamples } from '../cli/examples';
import { printerFor } from '../cli/printer';
import { type EngineFlags, readEngineEnv } from '../config/cli-env';
import type { DeadLetterFilterFlags, RedriveFlags } from './dead-letters.command';

// Each command loads what it runs when it runs: `--help` and the other commands do not pay for it.
const commands = () => import('./dead-letters.command');

/** The filter flags of `dead-letters list` and `redrive`. */
function withLetterFilter(command: Command): Command {
  return command
    .option('--subject <subject>', 'original subject, NATS wildcards allowed (org.statehub.repo.*)')
    .option('--reason <text>', 'a part of the reason, any case')
    .option('--since <when>', 'written since: a duration back from now (7d, 24h) or an ISO timestamp')
    .option('--limit <n>', 'at most this many letters, newest first, 1..500', limit);
}

export function addDeadLetterCommands(program: Command, { io, done }: CommandContext): void {
  const letters = program
    .command('dead-letters')
    .description('Events the engine could not take: list them, show one, redrive them once the cause is fixed.');
  withExamples(letters, ['state-hub dead-letters list --since 24h']);

  const list = letters
    .command('list')
    .description('The dead letters, newest first (default 50).')
    .option('--json', 'print the page as JSON instead of a table', false);
  withExamples(withEngineFlags(withLetterFilter(list)), [
    'state-hub dead-letters list',
    "state-hub dead-letters list --subject 'org.statehub.>' --since 7d --json",
  ]).action(async (flags: DeadLetterFilterFlags & EngineFlags & { json: boolean }) => {
    const { listDeadLetters } = await commands();
    done(await listDeadLetters(flags, readEngineEnv(io.env, flags), printerFor(io)));
  });

  const show = letters
    .command('show')
    .description('One dead letter with its whole payload.')
    .argument('<id>', 'the letter id (a UUID without NATS, a stream sequence with JetStream)')
    .option('--json', 'print the letter as JSON', false);
  withExamples(withEngineFlags(show), ['state-hub dead-letters show 42']).action(
    async (id: string, flags: EngineFlags & { json: boolean }) => {
      const { showDeadLetter } = await commands();
      done(await showDeadLetter(id, flags, readEngineEnv(io.env, flags), printerFor(io)));
    },
  );

  const redrive = letters
    .command('redrive')
    .description('Put letters back on their subjects for the engine to take again (each definition runs once).')
    .argument('[ids...]', 'letter ids; or use a filter, or --all');
  withLetterFilter(redrive)
    .option('--all', 'every letter (newest first, up to --limit, default 100)', false)
    .option('--dry-run', 'only say which letters would be redriven', false)
    .option('--by <name>', 'who redrives, for the redrive log (default <user>@state-hub-cli)')
    .option('--json', 'print the outcome as JSON instead of a table', false);
  withExamples(withEngineFlags(redrive), [
    'state-hub dead-letters redrive 42 43',
    "state-hub dead-letters redrive --reason 'recording runs failed' --dry-run",
    'state-hub dead-letters redrive --all --by alice',
  ]).action(async (ids: string[], flags: RedriveFlags & EngineFlags) => {
    const { redriveDeadLetters } = await commands();
    done(await redriveDeadLetters(ids, flags, readEngineEnv(io.env, flags), printerFor(io)));
  });
}
