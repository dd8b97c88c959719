// What a shell may complete after each command, taken from the command tree:
// its subcommands and options (with --help), the options that take a value
// (and their choices), and whether it takes file-like arguments.
import { allCommands, type CommandNode } from '../cli/command-tree';

export interface CompletionEntry {
  /** ' definitions test': the words after `state-hub`, each with a leading space ('' for the program). */
  key: string;
  subcommands: { name: string; description: string }[];
  options: { name: string; description: string }[];
  /** Options followed by a value: their choices, or what the value is (`file`, `dir`: complete file names). */
  values: Map<string, OptionValue>;
  /** Arguments are completed as these words (an argument with choices), as file names (true), or not at all. */
  arguments: readonly string[] | boolean;
}

export type OptionValue = { choices: readonly string[] } | { placeholder: string; files: boolean };

/** `--event <file>` → file; `--wait [seconds]` → seconds. */
function optionValue(flags: string, choices: readonly string[] | undefined): OptionValue {
  if (choices) return { choices };
  const placeholder = /[<[]([^>\]]+)[>\]]/.exec(flags)?.[1] ?? 'value';
  return { placeholder, files: /^(file|dir|path)$/.test(placeholder) };
}

export function completionEntries(tree: CommandNode): CompletionEntry[] {
  return allCommands(tree).map((node) => {
    const values = new Map<string, OptionValue>();
    for (const o of node.options) {
      if (!o.takesValue) continue;
      values.set(o.long, optionValue(o.flags, o.choices));
      if (o.short) values.set(o.short, optionValue(o.flags, o.choices));
    }
    return {
      key: node.path.map((word) => ` ${word}`).join(''),
      subcommands: node.subcommands.map((c) => ({ name: c.path[c.path.length - 1], description: c.summary })),
      options: [
        ...node.options.map((o) => ({ name: o.long, description: o.description })),
        { name: '--help', description: 'show help for this command' },
      ],
      values,
      arguments: node.arguments[0]?.choices ?? node.arguments.length > 0,
    };
  });
}

/** The first sentence of a description, for a completion menu. */
export function shortDescription(text: string): string {
  const first = text.split(/(?<=\.)\s/)[0] ?? text;
  return first.replace(/\.$/, '');
}
