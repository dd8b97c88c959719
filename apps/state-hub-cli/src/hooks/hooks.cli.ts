// The `hooks install | uninstall` commands: their flags, help and examples.
import type { Command } from 'commander';
import { slug } from '../cli/arg-parsers';
import { EXIT } from '../cli/cli-errors';
import type { CommandContext } from '../cli/cli-io';
import { withHubFlags } from '../cli/connection-flags';
import { withExamples } from '../cli/examples';
import { type HubFlags, readHubEnv } from '../config/cli-env';

export function addHooksCommands(program: Command, { io, done }: CommandContext): void {
  const hooks = program
    .command('hooks')
    .description("Manage the post-commit hook that reports a registered repo's commits to the hub.");
  const commands = [
    ['install', 'Write (or update) the State Hub block in the post-commit hook.', 'installHooks'],
    ['uninstall', 'Remove the State Hub block, keeping the rest of the hook.', 'uninstallHooks'],
  ] as const;
  for (const [name, description, runName] of commands) {
    const command = hooks
      .command(name)
      .description(description)
      .requiredOption('--repo <slug>', 'the registered repo', slug)
      .option('--path <dir>', "the repo's folder (default: its local_path at the hub)");
    withExamples(withHubFlags(command), [
      `state-hub hooks ${name} --repo state-hub`,
      `state-hub hooks ${name} --repo state-hub --path ../state-hub --hub-url http://hub.internal:3000`,
    ]).action(async (flags: { repo: string; path?: string } & HubFlags) => {
      const hub = readHubEnv(io.env, flags);
      const run = (await import('./hooks.command'))[runName]; // loaded when it runs, not for --help
      await run({ ...flags, hubUrl: hub.hubUrl, token: hub.token, cwd: hub.cwd }, io.stdout);
      done(EXIT.ok);
    });
  }
  withExamples(hooks, ['state-hub hooks install --repo state-hub']);
}
