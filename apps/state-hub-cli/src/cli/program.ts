// The command line: one commander program with every command (each feature adds
// its own), and every way a run can end mapped to one exit code (0 ok, 1 failed,
// 2 usage). The docs and the shell completions are generated from this program.
import { ConfigError, configErrorText } from '@state-hub/config';
import { Command, CommanderError } from 'commander';
import { addCompletionCommand } from '../completion/completion.cli';
import { addDeadLetterCommands } from '../dead-letters/dead-letters.cli';
import { addDefinitionCommands } from '../definitions/definitions.cli';
import { addEventCommands } from '../events/events.cli';
import { addHooksCommands } from '../hooks/hooks.cli';
import { addRunsCommands } from '../runs/runs.cli';
import { addServeCommand } from '../serve/serve.cli';
import { addSweepCommands } from '../sweep/sweep.cli';
import { EXIT, type ExitCode, UsageError } from './cli-errors';
import type { CliIo, CommandContext } from './cli-io';
import { withExamples } from './examples';

export type { CliIo } from './cli-io';

/** For the docs generator: the program with nowhere to run to. */
const INERT: CommandContext = {
  io: { stdout: process.stdout, stderr: process.stderr, env: {} },
  done: () => undefined,
};

export function buildProgram(context: CommandContext = INERT): Command {
  const { io } = context;
  const program = new Command('state-hub')
    .description(
      'State Hub command line: run the system, sweep workplans, lint and dry-run definitions, and look at what ' +
        'the engine did (definitions, runs, dead letters) and at the events as they happen.',
    )
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(add --help for usage)');
  withExamples(program, ['npx state-hub serve', 'state-hub runs list --status failed', 'state-hub help definitions']);
  addServeCommand(program, context);
  addSweepCommands(program, context);
  addHooksCommands(program, context);
  addDefinitionCommands(program, context);
  addRunsCommands(program, context);
  addDeadLetterCommands(program, context);
  addEventCommands(program, context);
  addCompletionCommand(program, context);
  return program;
}

/** Runs the CLI on `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  let code: ExitCode = EXIT.ok;
  const program = buildProgram({ io, done: (c) => (code = c) });
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
