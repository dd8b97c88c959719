// Argument parsing shared by the author CLIs: node's parseArgs, with every
// mistake turned into a UsageError (exit 2) that names the problem.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface CliArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** `strings` take a value (`--name value` or `--name=value`); `flags` do not. */
export function readArgs(args: string[], strings: readonly string[], flags: readonly string[]): CliArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const name of strings) options[name] = { type: 'string' };
  for (const name of flags) options[name] = { type: 'boolean' };
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { positionals: parsed.positionals, values: parsed.values };
  } catch (error) {
    // parseArgs' messages are good but long ("… To specify a positional argument starting with a '-' …").
    const message = error instanceof Error ? error.message.split('. ')[0] : String(error);
    throw new UsageError(message.replace(/\.$/, ''));
  }
}

export function stringArg(args: CliArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** The CLIs' exit convention: the code main() resolves to, or 1 (2 for usage) when it throws. */
export function runCli(main: () => Promise<number>, usage: string): void {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`${error.message}\n${usage}`);
        process.exitCode = 2;
        return;
      }
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
