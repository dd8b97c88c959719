// Every command's examples, in one place per command: shown after its --help
// (commander's addHelpText 'after') and read again by the docs generator.
import type { Command } from 'commander';

const EXAMPLES = new WeakMap<Command, readonly string[]>();

/** Adds the examples (command lines, `#` comments allowed) to the command's help. */
export function withExamples<C extends Command>(command: C, examples: readonly string[]): C {
  EXAMPLES.set(command, examples);
  const lines = examples.map((e) => (e.startsWith('#') ? `  ${e}` : `  $ ${e}`));
  command.addHelpText('after', `\nExample${examples.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
  return command;
}

export function examplesOf(command: Command): readonly string[] {
  return EXAMPLES.get(command) ?? [];
}
