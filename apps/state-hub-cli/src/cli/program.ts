// The command line: flags parsed and checked by commander, each command run,
// and every way it can end mapped to one exit code (0 ok, 1 failed, 2 usage).
import { ConfigError, configErrorText } from '@state-hub/config';
import { SLUG_PATTERN } from '@state-hub/db';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCompare } from '../compare/compare.command';
import { parseHubUrl, readCommandEnv, readEngineEnv, readHubEnv } from '../config/cli-env';
import {
  type DeadLetterFilterFlags,
  listDeadLetters,
  redriveDeadLetters,
  type RedriveFlags,
  showDeadLetter,
} from '../dead-letters/dead-letters.command';
import { installHooks, uninstallHooks } from '../hooks/hooks.command';
import { replayRun } from '../runs/runs.command';
import { CLI_SWEEP_SOURCES, type Io, runSweep, type SweepFlags } from '../sweep/sweep.command';
import { EXIT, type ExitCode, UsageError } from './cli-errors';

export interface CliIo extends Io {
  env: Record<string, string | undefined>;
}

const MAX_SECONDS = 3600;

function slug(value: string): string {
  if (value.length > 64 || !SLUG_PATTERN.test(value)) {
    throw new InvalidArgumentError('must be a repo slug such as "state-hub" (lowercase letters, digits, - _ .)');
  }
  return value;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > MAX_SECONDS) {
    throw new InvalidArgumentError(`must be an integer between 1 and ${MAX_SECONDS}`);
  }
  return n;
}

function url(value: string): string {
  try {
    return parseHubUrl(value, '--hub-url');
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^--hub-url /, ''));
  }
}

function limit(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 500) throw new InvalidArgumentError('must be an integer between 1 and 500');
  return n;
}

/** The filter flags of `dead-letters list` and `redrive`. */
function withLetterFilter(command: Command): Command {
  return command
    .option('--subject <subject>', 'original subject, NATS wildcards allowed (org.statehub.repo.*)')
    .option('--reason <text>', 'a part of the reason, any case')
    .option('--since <when>', 'written since: a duration back from now (7d, 24h) or an ISO timestamp')
    .option('--limit <n>', 'at most this many letters, newest first, 1..500', limit);
}

/** `dead-letters list | show | redrive` and `runs replay`: the engine's routes at ENGINE_URL. */
function addEngineCommands(program: Command, io: CliIo, done: (code: ExitCode) => void): void {
  const letters = program
    .command('dead-letters')
    .description('Events the engine could not take (ENGINE_URL): list them, show one, redrive them.');
  withLetterFilter(letters.command('list').description('The dead letters, newest first (default 50).'))
    .option('--json', 'print the page as JSON instead of a table', false)
    .action(async (flags: DeadLetterFilterFlags & { json: boolean }) => {
      done(await listDeadLetters(flags, readEngineEnv(io.env), io.stdout));
    });
  letters
    .command('show')
    .description('One dead letter with its whole payload.')
    .argument('<id>', 'the letter id (a UUID without NATS, a stream sequence with JetStream)')
    .option('--json', 'print the letter as JSON', false)
    .action(async (id: string, flags: { json: boolean }) => {
      done(await showDeadLetter(id, flags, readEngineEnv(io.env), io.stdout));
    });
  withLetterFilter(
    letters
      .command('redrive')
      .description('Put letters back on their subjects for the engine to take again (each definition runs once).')
      .argument('[ids...]', 'letter ids; or use a filter, or --all'),
  )
    .option('--all', 'every letter (newest first, up to --limit, default 100)', false)
    .option('--dry-run', 'only say which letters would be redriven', false)
    .option('--by <name>', 'who redrives, for the redrive log (default <user>@state-hub-cli)')
    .option('--json', 'print the outcome as JSON instead of a table', false)
    .action(async (ids: string[], flags: RedriveFlags) => {
      done(await redriveDeadLetters(ids, flags, readEngineEnv(io.env), io.stdout));
    });

  program
    .command('runs')
    .description('Runs of the engine (ENGINE_URL).')
    .command('replay')
    .description("Run a run's definition again for the same trigger (the recorded event, or the cron slot).")
    .argument('<id>', 'the run id (a UUID)')
    .option('--wait [seconds]', 'wait for the replay to finish (default 600 s); exit 1 unless it succeeded', seconds)
    .option('--json', 'print the run as JSON', false)
    .action(async (id: string, flags: { wait?: number | true; json: boolean }) => {
      const wait = flags.wait === true ? 600 : flags.wait;
      done(await replayRun(id, { wait, json: flags.json }, readEngineEnv(io.env), io.stdout));
    });
}

function buildProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('state-hub')
    .description(
      "State Hub command line: consistency sweeps, their comparison, git hooks, and the engine's dead letters and replays.",
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(add --help for usage)');

  program
    .command('sweep')
    .description('Reconcile the workplan files of every active repo (or one) with the database.')
    .option('--repo <slug>', 'only this repo (a one-repo sync: no budget)', slug)
    .option('--remote', 'fetch and fast-forward each repo behind the pull gate first', false)
    .option('--max-seconds <n>', `budget in seconds, 1..${MAX_SECONDS}`, seconds, 300)
    .addOption(new Option('--source <source>', 'who runs this sweep').choices(CLI_SWEEP_SOURCES).default('manual'))
    .option('--no-writeback', 'do not write assigned ids back into the files')
    .option('--json', 'print the report as JSON instead of a table', false)
    .action(async (flags: SweepFlags) => {
      const { hub, database } = readCommandEnv(io.env);
      done(await runSweep(flags, hub, database, io));
    });

  program
    .command('compare-sweeps')
    .description('Compare the recorded sweeps per source over a time window.')
    .requiredOption('--since <when>', 'window start: a duration back from --until (7d, 24h) or an ISO timestamp')
    .option('--until <iso>', 'window end, ISO timestamp (default now)')
    .option('--json', 'print the comparison as JSON instead of a table', false)
    .action(async (flags: { since: string; until?: string; json: boolean }) => {
      const { hub, database } = readCommandEnv(io.env);
      await runCompare(flags, hub, database, io.stdout);
      done(EXIT.ok);
    });

  addEngineCommands(program, io, done);

  const hooks = program.command('hooks').description("Manage the post-commit hook that reports a repo's commits.");
  for (const [name, description, run] of [
    ['install', 'write (or update) the State Hub block in the post-commit hook', installHooks],
    ['uninstall', 'remove the State Hub block, keeping the rest of the hook', uninstallHooks],
  ] as const) {
    hooks
      .command(name)
      .description(description)
      .requiredOption('--repo <slug>', 'the registered repo', slug)
      .option('--path <dir>', "the repo's folder (default: its local_path at the hub)")
      .option('--hub-url <url>', 'the hub the hook reports to (default: STATE_HUB_URL or http://127.0.0.1:3000)', url)
      .action(async (flags: { repo: string; path?: string; hubUrl?: string }) => {
        const hub = readHubEnv(io.env);
        await run({ ...flags, hubUrl: flags.hubUrl ?? hub.hubUrl, token: hub.token, cwd: hub.cwd }, io.stdout);
        done(EXIT.ok);
      });
  }
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // commander has printed the message naming the flag; help and version are not errors
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    // A bad setting: one line per bad variable, nothing was tried.
    if (err instanceof ConfigError) {
      io.stderr.write(configErrorText('state-hub', err));
      return EXIT.failed;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(`error: ${message.split('\n')[0]}\n`);
    if (err instanceof UsageError) return EXIT.usage;
    return EXIT.failed;
  }
}
