// The `definitions lint | test | list` commands: their flags, help and examples.
import { DEFINITION_STATES, type DefinitionState } from '@state-hub/engine-client';
import { Option, type Command } from 'commander';
import type { CommandContext } from '../cli/cli-io';
import { withEngineFlags } from '../cli/connection-flags';
import { withExamples } from '../cli/examples';
import { printerFor } from '../cli/printer';
import { type EngineFlags, readDefinitionsEnv, readEngineEnv } from '../config/cli-env';
// Each command loads what it runs when it runs: `--help` and the other commands do not pay for it.
import type { TestDefinitionFlags } from './definitions-test.command';

export function addDefinitionCommands(program: Command, { io, done }: CommandContext): void {
  const definitions = program
    .command('definitions')
    .description('ActivityDefinitions: lint a folder, dry-run one on a sample event, list what the engine loaded.');
  withExamples(definitions, ['state-hub definitions lint']);

  const lint = definitions
    .command('lint')
    .summary("The engine's checks on every file of a definitions folder.")
    .description(
      "The engine's checks on every file of a definitions folder: `path:line:col: message` per problem; " +
        'exit 1 when a file has one. Unset ${VAR}s are warnings.',
    )
    .argument('[dir]', 'the folder (default: ACTIVITY_DEFINITIONS_DIR or activity-definitions)')
    .option('--json', 'print every file with its state, errors and warnings as JSON', false);
  withExamples(lint, ['state-hub definitions lint', 'state-hub definitions lint path/to/definitions --json']).action(
    async (dir: string | undefined, flags: { json: boolean }) => {
      const { lintDefinitionsFolder } = await import('./definitions-lint.command');
      done(await lintDefinitionsFolder(dir, flags, readDefinitionsEnv(io.env), printerFor(io)));
    },
  );

  const test = definitions
    .command('test')
    .summary('Dry-run one definition on a sample event; nothing is executed.')
    .description(
      'Dry run: what the engine would do with one definition and a sample event — trigger, context, rule, the ' +
        'rendered instruction — without doing it. Exit 0 when it would run, 1 when it would not.',
    )
    .argument('<definition>', 'a definition file, or an id in --dir')
    .option('--event <file>', 'the sample event envelope as JSON (`-` reads it from stdin); needed for event triggers')
    .option('--dir <dir>', 'where an id is looked up (default: ACTIVITY_DEFINITIONS_DIR or activity-definitions)')
    .option('--now <iso>', 'the time the rule and cron slots see (default now)')
    .option('--fetch-context', 'fetch the context sources (GET) instead of binding them as skipped', false)
    .option('--json', 'print the report as JSON', false);
  withExamples(test, [
    'state-hub definitions test activity-definitions/state-hub-per-commit-sync.yaml --event push.json',
    'state-hub definitions test the-custodian.state-hub-consistency-sweep --now 2026-03-29T00:50:00Z',
    `echo '{"id":"e1","type":"org.statehub.repo.registered","version":"1.0","timestamp":"2026-01-01T00:00:00Z","publisher":"state-hub","attributes":{"repo_slug":"x"}}' | state-hub definitions test the-custodian.state-hub-repo-registered-note --event -`,
  ]).action(async (target: string, flags: TestDefinitionFlags) => {
    const { testDefinition } = await import('./definitions-test.command');
    done(await testDefinition(target, flags, readDefinitionsEnv(io.env), io, printerFor(io)));
  });

  const list = definitions
    .command('list')
    .summary('The definitions a running engine has loaded, and their state.')
    .description(
      "The definitions a running engine has loaded: id, state, trigger (event type, or schedule and next slot), file, and why a file doesn't load.",
    )
    .addOption(new Option('--state <state>', 'only definitions in this state').choices(DEFINITION_STATES))
    .option('--json', "print the engine's list as JSON", false);
  withExamples(withEngineFlags(list), [
    'state-hub definitions list',
    'state-hub definitions list --state invalid --engine-url http://127.0.0.1:3000/engine',
  ]).action(async (flags: EngineFlags & { state?: DefinitionState; json: boolean }) => {
    const { listDefinitions } = await import('./definitions-list.command');
    done(await listDefinitions(flags, readEngineEnv(io.env, flags), printerFor(io)));
  });
}
