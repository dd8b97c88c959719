// The hub's own uncommitted writeback, told apart from a person's edits: a
// tracked workplan file whose only change against HEAD is in its
// `state_hub_workstream_id` / `state_hub_task_id` lines. Such files do not make
// the working tree dirty for the pull gate. Their ids are derivable (the DB
// finds the file again by workplan id and task key, and the writeback re-adds
// the same ids after the pull), so the gate reverts them to HEAD before it pulls.
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { absentAsNull } from '../absent';
import { workplanBase } from '../file-scan';
import { git, GitCommandError, NO_HOOKS, runGit } from './git-command';

const ID_LINE = /^\s*(?:-\s+)?state_hub_(?:workstream|task)_id\s*:/;

export interface WorkingTreeChanges {
  /** Workplan files changed in id lines only (a writeback left uncommitted). */
  idOnly: string[];
  /** Every other change, counted as `git status --porcelain` lists them. */
  other: number;
}

/** Compared as latin1 (one char per byte), so no byte change can hide behind a decoding. */
const withoutIds = (text: string) =>
  text
    .split('\n')
    .filter((line) => !ID_LINE.test(line))
    .join('\n');

async function changedOnlyInIds(cwd: string, path: string): Promise<boolean> {
  const info = await absentAsNull(lstat(join(cwd, path)));
  if (!info?.isFile()) return false;
  const working = (await readFile(join(cwd, path))).toString('latin1');
  const head = await runGit(cwd, ['cat-file', 'blob', `HEAD:${path}`], { encoding: 'latin1' });
  return head.code === 0 && withoutIds(working) === withoutIds(head.stdout);
}

/** `git status --porcelain -z` entries as [XY, path]; a rename's source path is skipped. */
function statusEntries(output: string): [string, string][] {
  const fields = output.split('\0');
  const entries: [string, string][] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i];
    if (field.length < 4) continue;
    const xy = field.slice(0, 2);
    entries.push([xy, field.slice(3)]);
    if (xy[0] === 'R' || xy[0] === 'C') i++;
  }
  return entries;
}

/** Sorts the working tree's changes into the hub's id-only writebacks under `workplanDir` and everything else. */
export async function workingTreeChanges(cwd: string, workplanDir: string): Promise<WorkingTreeChanges> {
  const args = ['status', '--porcelain', '-z'];
  const status = await runGit(cwd, args);
  if (status.code !== 0) throw new GitCommandError(args, status);
  const base = workplanBase(workplanDir);
  const prefix = base ? `${base}/` : '';
  const changes: WorkingTreeChanges = { idOnly: [], other: 0 };
  for (const [xy, path] of statusEntries(status.stdout)) {
    const candidate = xy === ' M' && path.startsWith(prefix) && path.endsWith('.md');
    if (candidate && (await changedOnlyInIds(cwd, path))) changes.idOnly.push(path);
    else changes.other++;
  }
  return changes;
}

/** Puts the files back as HEAD has them (literal paths, no hooks). */
export async function revertToHead(cwd: string, paths: readonly string[]): Promise<void> {
  if (paths.length > 0) await git(cwd, [...NO_HOOKS, 'checkout', '--', ...paths]);
}
