// C-15: after a file's transaction committed, the ids the hub assigned go back
// into the file with the workplan lib's minimal edit. The file is written only
// when the edit changes it, only if nobody changed it since it was read, and
// only if the edited text still parses to the same workplan with the new ids,
// and never through a symbolic link that took the file's place.
// The new content hash is stored so the next sweep sees the file unchanged; a
// writeback that could not happen marks the row so the next sweep retries.
import { constants } from 'node:fs';
import { lstat, open, realpath, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { WorkplanFileEntity } from '@state-hub/db';
import { parseWorkplan, writeBackIds, type WritebackIds } from '@state-hub/workplan';
import type { EntityManager } from 'typeorm';
import { isInside, sha256, type ScannedFile } from './file-scan';
import { isCleanAgainstHead } from './git/writeback-commit';
import { IDS_PENDING_WARNING, type FileSyncResult } from './reconcile/reconcile-file';

export interface WritebackOutcome {
  written: boolean;
  idsWritten: number;
  /** The file was clean against HEAD before the edit: it may go into the writeback commit. */
  commit: boolean;
  warnings: string[];
}

function checkEdit(file: ScannedFile, text: string, ids: WritebackIds): string | undefined {
  const reparsed = parseWorkplan(text, file.path);
  if (reparsed.kind !== 'workplan') return 'the edited file would no longer parse';
  const wp = reparsed.workplan;
  if (ids.workstreamId && wp.stateHubWorkstreamId !== ids.workstreamId) return 'state_hub_workstream_id did not land';
  const missed = wp.tasks.filter((t) => ids.taskIds?.[t.key] && t.stateHubTaskId !== ids.taskIds[t.key]);
  if (missed.length > 0) return `state_hub_task_id did not land for ${missed.map((t) => t.key).join(', ')}`;
  return undefined;
}

/**
 * Opens the file the sweep read for reading and writing, only if it is still a
 * plain file inside the repo: never through a symbolic link put in its place or
 * in place of a folder above it (O_NOFOLLOW closes the race for the file itself).
 */
async function openInRepo(root: string, file: ScannedFile): Promise<FileHandle | string> {
  if ((await lstat(file.absolutePath)).isSymbolicLink()) return `${file.path} is a symbolic link now`;
  if (!isInside(root, await realpath(dirname(file.absolutePath)))) return `${file.path} is outside the repo now`;
  return open(file.absolutePath, constants.O_RDWR | constants.O_NOFOLLOW);
}

async function overwrite(handle: FileHandle, bytes: Buffer): Promise<void> {
  await handle.truncate(0);
  for (let done = 0; done < bytes.length;) {
    done += (await handle.write(bytes, done, bytes.length - done, done)).bytesWritten;
  }
}

/** Writes the file when the edit is safe; returns why not otherwise. */
async function writeIds(
  manager: EntityManager,
  root: string,
  file: ScannedFile,
  fileRowId: string,
  ids: WritebackIds,
): Promise<{ idsWritten: number } | { skipped: string }> {
  const handle = await openInRepo(root, file);
  if (typeof handle === 'string') return { skipped: handle };
  try {
    if (sha256(await handle.readFile()) !== file.hash) {
      return { skipped: 'the file changed while the sweep ran (the next sweep retries)' };
    }
    const result = writeBackIds(file.text, ids);
    if (!result.changed) return { idsWritten: 0 };
    const broken = checkEdit(file, result.text, ids);
    if (broken) return { skipped: broken };
    const bytes = Buffer.from(result.text, 'utf8');
    await overwrite(handle, bytes);
    await manager.update(WorkplanFileEntity, { id: fileRowId }, { content_hash: sha256(bytes) });
    return { idsWritten: result.edits.length };
  } finally {
    await handle.close();
  }
}

export async function writeBackSynced(
  manager: EntityManager,
  file: ScannedFile,
  synced: FileSyncResult,
  root: string,
  commitWriteback: boolean,
): Promise<WritebackOutcome> {
  const outcome: WritebackOutcome = { written: false, idsWritten: 0, commit: false, warnings: [] };
  let why: string;
  try {
    const clean = commitWriteback && (await isCleanAgainstHead(root, file.path));
    const wrote = await writeIds(manager, root, file, synced.fileRowId, {
      workstreamId: synced.workstreamId,
      taskIds: synced.taskIds,
    });
    if ('idsWritten' in wrote) {
      if (wrote.idsWritten === 0) return outcome;
      if (commitWriteback && !clean) {
        outcome.warnings.push(`${file.path}: had uncommitted changes; written ids left uncommitted`);
      }
      return { ...outcome, written: true, idsWritten: wrote.idsWritten, commit: clean };
    }
    why = wrote.skipped;
  } catch (err) {
    why = (err as Error).message;
  }
  outcome.warnings.push(`${file.path}: ids not written back: ${why}`);
  await manager.query(
    `UPDATE workplan_files SET warnings = warnings || jsonb_build_array($2::text)
      WHERE id = $1 AND NOT warnings ? $2::text`,
    [synced.fileRowId, IDS_PENDING_WARNING],
  );
  return outcome;
}
