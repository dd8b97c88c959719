// The `completion bash | zsh` command: prints a completion script generated
// from this very program, so it always matches the commands of this version.
import { Argument, type Command } from 'commander';
import { EXIT } from '../cli/cli-errors';
import type { CommandContext } from '../cli/cli-io';
import { commandTree } from '../cli/command-tree';
import { withExamples } from '../cli/examples';
import { bashCompletion } from './bash-completion';
import { zshCompletion } from './zsh-completion';

export function addCompletionCommand(program: Command, { io, done }: CommandContext): void {
  const command = program
    .command('completion')
    .summary('Print the shell completion script for bash or zsh.')
    .description('Print the shell completion script for bash or zsh (generated from the commands of this version).')
    .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh']));
  withExamples(command, [
    '# in ~/.bashrc:',
    'source <(state-hub completion bash)',
    '# in ~/.zshrc, after compinit:',
    'source <(state-hub completion zsh)',
  ]).action((shell: 'bash' | 'zsh') => {
    const tree = commandTree(program);
    io.stdout.write(shell === 'bash' ? bashCompletion(tree) : zshCompletion(tree));
    done(EXIT.ok);
  });
}
