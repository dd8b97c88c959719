// Reads HEAD straight from the .git directory, without spawning git: a sweep
// that changes nothing must cost well under 10 ms per repo, and a process
// spawn alone costs several.
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve } from 'node:path';
import { absentAsNull } from '../absent';

export interface HeadInfo {
  /** Commit HEAD points at; null on a branch without commits yet. */
  sha: string | null;
  /** Branch name, or null when HEAD is detached. */
  branch: string | null;
}

const SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;

const readText = (path: string) => absentAsNull(readFile(path, 'utf8'));

/** The git directory of a work tree: `.git` itself, or where a `.git` file (worktree, submodule) points. */
export async function findGitDir(workTree: string): Promise<{ gitDir: string; linked: boolean } | null> {
  const dotGit = join(workTree, '.git');
  const info = await absentAsNull(stat(dotGit));
  if (!info) return null;
  if (info.isDirectory()) return { gitDir: dotGit, linked: false };
  const text = (await readText(dotGit))?.trim() ?? '';
  const match = /^gitdir:\s*(.+)$/m.exec(text);
  if (!match) return null;
  return { gitDir: isAbsolute(match[1]) ? match[1] : resolve(workTree, match[1]), linked: true };
}

async function resolveRef(gitDir: string, commonDir: string, ref: string): Promise<string | null> {
  for (const dir of gitDir === commonDir ? [gitDir] : [gitDir, commonDir]) {
    const loose = (await readText(join(dir, ref)))?.trim();
    if (loose && SHA.test(loose)) return loose;
  }
  const packed = await readText(join(commonDir, 'packed-refs'));
  for (const line of packed?.split('\n') ?? []) {
    const [sha, name] = line.trim().split(' ');
    if (name === ref && SHA.test(sha)) return sha;
  }
  return null;
}

/** HEAD of the work tree, or null when it is not a git repo. */
export async function readHead(workTree: string): Promise<HeadInfo | null> {
  const found = await findGitDir(workTree);
  if (!found) return null;
  const { gitDir, linked } = found;
  const head = (await readText(join(gitDir, 'HEAD')))?.trim();
  if (!head) return null;
  // only a linked worktree (a `.git` file) keeps its refs in a common dir
  const common = linked ? (await readText(join(gitDir, 'commondir')))?.trim() : undefined;
  const commonDir = common ? resolve(gitDir, common) : gitDir;
  if (SHA.test(head)) return { sha: head, branch: null };
  const match = /^ref:\s*(\S+)$/.exec(head);
  if (!match) return null;
  const ref = match[1];
  const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : null;
  return { sha: await resolveRef(gitDir, commonDir, ref), branch };
}
