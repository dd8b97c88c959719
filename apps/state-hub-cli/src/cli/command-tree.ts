// The commander program as plain data — every command with its arguments,
// options and examples — for the shell completions and docs/cli.md, so both
// are generated from the program and cannot drift from it.
import type { Command } from 'commander';
import { examplesOf } from './examples';

export interface OptionNode {
  flags: string;
  /** `--limit`; every option of this CLI has a long name. */
  long: string;
  short?: string;
  description: string;
  /** The option is followed by a value (`--limit <n>`; optional ones too: `--wait [seconds]`). */
  takesValue: boolean;
  choices?: readonly string[];
  /** As commander shows it in --help, when there is one worth showing. */
  defaultValue?: string;
  required: boolean;
}

export interface ArgumentNode {
  name: string;
  description: string;
  choices?: readonly string[];
  defaultValue?: string;
  required: boolean;
  variadic: boolean;
}

export interface CommandNode {
  /** Words after `state-hub`, e.g. ['definitions', 'test']; [] for the program itself. */
  path: string[];
  description: string;
  /** One line for lists of commands: the summary, else the description. */
  summary: string;
  /** `state-hub definitions test [options] <definition>` */
  usage: string;
  arguments: ArgumentNode[];
  options: OptionNode[];
  subcommands: CommandNode[];
  examples: readonly string[];
}

function defaultShown(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function commandTree(command: Command, path: string[] = []): CommandNode {
  return {
    path,
    description: command.description(),
    summary: command.summary() || command.description(),
    usage: ['state-hub', ...path, command.usage()].join(' '),
    arguments: command.registeredArguments.map((a) => ({
      name: a.name(),
      description: a.description,
      ...(a.argChoices ? { choices: a.argChoices } : {}),
      ...(defaultShown(a.defaultValue) !== undefined ? { defaultValue: defaultShown(a.defaultValue) } : {}),
      required: a.required,
      variadic: a.variadic,
    })),
    options: command.options.filter((o) => !o.hidden && o.long).map(optionNode),
    subcommands: command.commands.map((c) => commandTree(c, [...path, c.name()])),
    examples: examplesOf(command),
  };
}

function optionNode(o: Command['options'][number]): OptionNode {
  const shown = o.negate ? undefined : (o.defaultValueDescription ?? defaultShown(o.defaultValue));
  return {
    flags: o.flags,
    long: o.long as string,
    ...(o.short ? { short: o.short } : {}),
    description: o.description,
    takesValue: o.required || o.optional,
    ...(o.argChoices ? { choices: o.argChoices } : {}),
    ...(shown !== undefined ? { defaultValue: shown } : {}),
    required: o.mandatory,
  };
}

/** Every command of the tree, depth first, the program itself first. */
export function allCommands(node: CommandNode): CommandNode[] {
  return [node, ...node.subcommands.flatMap(allCommands)];
}
