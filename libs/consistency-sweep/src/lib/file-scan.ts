// Finds a repo's workplan files and reads them. Paths are relative to the repo
// root with forward slashes, sorted, so every sweep sees the files in the same
// order (the first of two files claiming one workplan id wins). Nothing outside
// the repo is read: the workplan folder must resolve inside it, and symbolic
// links below it are not followed (each one named in a warning).
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import { isAbsent } from './absent';

export interface ScannedFile {
  /** e.g. `workplans/HUB-WP-0002.md`. */
  path: string;
  absolutePath: string;
  bytes: Buffer;
  text: string;
  hash: string;
}

export interface WorkplanListing {
  paths: string[];
  /** Symbolic links that were not followed, named. */
  warnings: string[];
}

export const sha256 = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');

/** `./workplans/` → `workplans`; `.` or `` → `` (the repo root). */
export const workplanBase = (dir: string): string =>
  dir
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/+)+|\/+$/g, '')
    .replace(/^\.$/, '');

/** Thrown when the workplan folder resolves outside the repo (the repo fails with this reason). */
export class OutsideRepoError extends Error {
  override readonly name = 'OutsideRepoError';
}

/** True when `path` is `root` or below it (both real paths). */
export const isInside = (root: string, path: string): boolean => {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
};

/** A symlink worth naming: a `.md` file or a folder (a link to anything else is not a workplan anyway). */
async function worthWarning(path: string, name: string): Promise<boolean> {
  if (name.endsWith('.md')) return true;
  const target = await stat(path).catch(() => null); // a dangling link is nothing to read
  return target?.isDirectory() ?? false;
}

/**
 * Every `*.md` under `<root>/<dir>`, recursively; `root` must be a real path
 * (no symlinks in it). A missing folder holds no files; one that resolves
 * outside `root` throws OutsideRepoError.
 */
export async function listWorkplanFiles(root: string, dir: string): Promise<WorkplanListing> {
  const listing: WorkplanListing = { paths: [], warnings: [] };
  const base = workplanBase(dir);
  let real: string;
  try {
    real = await realpath(join(root, base));
  } catch (err) {
    if (isAbsent(err)) return listing;
    throw err;
  }
  if (!isInside(root, real)) {
    throw new OutsideRepoError(`workplan folder ${base || '.'} resolves to ${real}, outside local_path ${root}`);
  }
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(join(root, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        if (await worthWarning(join(root, child), entry.name)) {
          listing.warnings.push(`${child}: symbolic link not followed`);
        }
      } else if (entry.isDirectory()) await walk(child);
      else if (entry.isFile() && entry.name.endsWith('.md')) listing.paths.push(child);
    }
  }
  await walk(base);
  listing.paths.sort();
  listing.warnings.sort();
  return listing;
}

/** Reads one file, refusing to follow a symbolic link put in its place since the listing; the hash is over its bytes. */
export async function readWorkplanFile(root: string, path: string): Promise<ScannedFile> {
  const absolutePath = join(root, path);
  const handle = await open(absolutePath, constants.O_RDONLY | constants.O_NOFOLLOW);
  let bytes: Buffer;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  return { path, absolutePath, bytes, text: bytes.toString('utf8'), hash: sha256(bytes) };
}

/** 1-based line of the first bytes that are not valid UTF-8 (decoding replaced them), or undefined when all are. */
export function invalidUtf8Line(file: ScannedFile): number | undefined {
  if (Buffer.from(file.text, 'utf8').equals(file.bytes)) return undefined;
  // a newline byte is never part of a multi-byte sequence, so lines can be checked one by one
  let start = 0;
  for (let line = 1; ; line++) {
    const end = file.bytes.indexOf(0x0a, start);
    const segment = file.bytes.subarray(start, end < 0 ? undefined : end);
    if (end < 0 || !Buffer.from(segment.toString('utf8'), 'utf8').equals(segment)) return line;
    start = end + 1;
  }
}
