// Files that vanished: their row becomes `orphaned` and their workstream is
// archived (never deleted, no event), unless another file on disk now holds
// that workstream (a renamed file). `file_status` is cleared on the workstream
// and on its tasks, so that a file coming back applies its own statuses again
// (a task the stale cleanup cancelled meanwhile reopens if the file says so).
import { WorkplanFileEntity, WorkstreamEntity } from '@state-hub/db';
import type { EntityManager } from 'typeorm';
import type { FileIndex } from './file-index';

export const ORPHANED_ERROR = 'file no longer exists';

/** Archives the workstream a file no longer holds, if no other file holds it; true when it did. */
export async function workstreamLeavesFile(
  m: EntityManager,
  files: FileIndex,
  workstreamId: string,
  path: string,
): Promise<boolean> {
  if (files.claimedBy(workstreamId, path)) return false;
  const ws = await m.findOne(WorkstreamEntity, { where: { id: workstreamId }, lock: { mode: 'pessimistic_write' } });
  if (!ws || ws.status === 'archived') return false;
  ws.status = 'archived';
  ws.file_status = null;
  await m.save(WorkstreamEntity, ws);
  // bookkeeping only: leaves updated_at alone (the stale cleanup reads it)
  await m.query('UPDATE tasks SET file_status = NULL WHERE workstream_id = $1 AND file_status IS NOT NULL', [ws.id]);
  return true;
}

export interface OrphanCounts {
  orphaned: number;
  archived: number;
}

/** Marks every row whose file is gone, in one transaction. */
export async function markOrphans(manager: EntityManager, files: FileIndex): Promise<OrphanCounts> {
  const gone = files.all().filter((row) => row.status !== 'orphaned' && !files.present.has(row.path));
  if (gone.length === 0) return { orphaned: 0, archived: 0 };
  const counts = { orphaned: 0, archived: 0 };
  const saved = await manager.transaction(async (m) => {
    const rows: WorkplanFileEntity[] = [];
    for (const row of gone) {
      const notWorkplan = files.notWorkplan.get(row.path);
      const error = notWorkplan ? `no longer a workplan: ${notWorkplan}` : ORPHANED_ERROR;
      const orphan = m.create(WorkplanFileEntity, { ...row, status: 'orphaned', error });
      rows.push(await m.save(WorkplanFileEntity, orphan));
      counts.orphaned++;
      if (row.workstream_id && (await workstreamLeavesFile(m, files, row.workstream_id, row.path))) counts.archived++;
    }
    return rows;
  });
  for (const row of saved) files.set(row);
  return counts;
}
