// The command line: flags parsed and checked by commander, each command run,
// and every way it can end mapped to one exit code (0 ok, 1 failed, 2 usage).
import { ConfigError, configErrorText } from '@state-hub/config';
import { SLUG_PATTERN } from '@state-hub/db';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runCompare } from '../compare/compare.command';
import { parseHubUrl, readCommandEnv, readHubEnv } from '../config/cli-env';
import { installHooks, uninstallHooks } from '../hooks/hooks.command';
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

function buildProgram(io: CliIo, done: (code: ExitCode) => void): Command {
  const program = new Command('state-hub')
    .description('State Hub command line: consistency sweeps, their comparison, and git hooks.')
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
