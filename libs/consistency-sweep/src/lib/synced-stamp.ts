// Stamps what a sync saw: the repos' last_synced_at and their files'
// last_seen_at. One statement for a whole sweep (not one commit per repo),
// so a sweep with nothing to do costs one write in total.
import type { EntityManager } from 'typeorm';

/** After a repo synced, each of its rows that is not orphaned is a file that was on disk. */
export async function stampSynced(manager: EntityManager, repoIds: readonly string[], at: Date): Promise<void> {
  if (repoIds.length === 0) return;
  await manager.query(
    `WITH seen AS (
       UPDATE workplan_files SET last_seen_at = $2
        WHERE repo_id = ANY($1::uuid[]) AND status <> 'orphaned')
     UPDATE repos SET last_synced_at = $2 WHERE id = ANY($1::uuid[])`,
    [repoIds, at],
  );
}
