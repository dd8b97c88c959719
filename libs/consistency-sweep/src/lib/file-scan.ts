// Finds a repo's workplan files and reads them. Paths are relative to the repo
// root with forward slashes, sorted, so every sweep sees the files in the same
// order (the first of two files claiming one workplan id wins).
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ScannedFile {
  /** e.g. `workplans/HUB-WP-0002.md`. */
  path: string;
  absolutePath: string;
  text: string;
  hash: string;
}

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/**
 * Every `*.md` under `<root>/<dir>`, recursively. Symbolic links are not
 * followed (no loops, nothing outside the repo). A missing folder holds no files.
 */
export async function listWorkplanFiles(root: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  const base = dir.replace(/\\/g, '/').replace(/^\.?\/+|\/+$/g, '');
  async function walk(relative: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(join(root, relative), { withFileTypes: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT' && relative === base) return;
      throw err;
    }
    for (const entry of entries) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.md')) found.push(child);
    }
  }
  await walk(base);
  return found.sort();
}

/** Reads one file; the hash is over its bytes. */
export async function readWorkplanFile(root: string, path: string): Promise<ScannedFile> {
  const absolutePath = join(root, path);
  const bytes = await readFile(absolutePath);
  return { path, absolutePath, text: bytes.toString('utf8'), hash: sha256(bytes) };
}
