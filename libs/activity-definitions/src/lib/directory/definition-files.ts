// Which files in the definitions directory are definitions, and their text.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** `*.yaml` / `*.yml`, not hidden (editor swap and lock files start with a dot). */
export function isDefinitionFileName(name: string): boolean {
  return /\.ya?ml$/i.test(name) && !name.startsWith('.');
}

export type FileRead = { sourcePath: string; text: string } | { sourcePath: string; error: string };

/** Every definition file in `dir` (not recursive), in name order. Throws when `dir` cannot be listed. */
export async function readDefinitionFiles(dir: string): Promise<FileRead[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => (entry.isFile() || entry.isSymbolicLink()) && isDefinitionFileName(entry.name))
    .map((entry) => entry.name)
    .sort();
  const reads = await Promise.all(names.map((name) => readOne(join(dir, name))));
  return reads.filter((read): read is FileRead => read !== undefined);
}

async function readOne(sourcePath: string): Promise<FileRead | undefined> {
  try {
    return { sourcePath, text: await readFile(sourcePath, 'utf8') };
  } catch (error) {
    // Deleted between listing and reading: it is simply gone.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { sourcePath, error: `cannot read file: ${error instanceof Error ? error.message : String(error)}` };
  }
}
