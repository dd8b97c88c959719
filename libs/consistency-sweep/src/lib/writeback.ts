// C-15: after a file's transaction committed, the ids the hub assigned go back
// into the file with the workplan lib's minimal edit. The file is written only
// when the edit changes it, only if nobody changed it since it was read, and
// only if the edited text still parses to the same workplan with the new ids.
// The new content hash is stored so the next sweep sees the file unchanged; a
// writeback that could not happen marks the row so the next sweep retries.
import { readFile, writeFile } from 'node:fs/promises';
import { WorkplanFileEntity } from '@state-hub/db';
import { parseWorkplan, writeBackIds, type WritebackIds } from '@state-hub/workplan';
import type { EntityManager } from 'typeorm';
import { sha256, type ScannedFile } from './file-scan';
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

/** Writes the file when the edit is safe; returns why not otherwise. */
async function writeIds(
  manager: EntityManager,
  file: ScannedFile,
  fileRowId: string,
  ids: WritebackIds,
): Promise<{ idsWritten: number } | { skipped: string }> {
  const current = await readFile(file.absolutePath);
  if (sha256(current) !== file.hash)
    return { skipped: 'the file changed while the sweep ran (the next sweep retries)' };
  const result = writeBackIds(file.text, ids);
  if (!result.changed) return { idsWritten: 0 };
  const broken = checkEdit(file, result.text, ids);
  if (broken) return { skipped: broken };
  await writeFile(file.absolutePath, result.text, 'utf8');
  await manager.update(
    WorkplanFileEntity,
    { id: fileRowId },
    { content_hash: sha256(Buffer.from(result.text, 'utf8')) },
  );
  return { idsWritten: result.edits.length };
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
    const wrote = await writeIds(manager, file, synced.fileRowId, {
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
