// The sample event of `definitions test --event <file|->`: one JSON object,
// from a file or (`-`) from stdin. Anything else is a usage error naming it.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError } from '../cli/cli-errors';

const MAX_EVENT_BYTES = 1024 * 1024;

async function readStdin(stdin: NodeJS.ReadableStream | undefined, hint: (line: string) => void): Promise<string> {
  if (!stdin) throw new UsageError('--event - reads the event from stdin, but there is no stdin here');
  if ((stdin as { isTTY?: boolean }).isTTY) hint('reading the event JSON from stdin (end it with Ctrl-D)');
  let text = '';
  for await (const chunk of stdin) {
    text += typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8');
    if (text.length > MAX_EVENT_BYTES) throw new UsageError('--event -: the event on stdin is larger than 1 MiB');
  }
  return text;
}

async function readPath(path: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read --event ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

export async function readSampleEvent(
  source: string,
  options: { cwd: string; stdin?: NodeJS.ReadableStream; hint: (line: string) => void },
): Promise<Record<string, unknown>> {
  const name = source === '-' ? 'on stdin' : source;
  const text = source === '-' ? await readStdin(options.stdin, options.hint) : await readPath(source, options.cwd);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--event ${name} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`--event ${name} must hold one event envelope (a JSON object)`);
  }
  return value as Record<string, unknown>;
}
