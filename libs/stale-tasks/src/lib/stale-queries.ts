// The SQL of the cleanup. One WHERE clause per kind of change serves both the
// paged candidate scan and the locking re-check inside the task's transaction,
// so the two can never disagree about what counts as stale.
import type { EntityManager } from 'typeorm';
import type { OpenTaskStatus } from './types';
import { CLOSED_WORKSTREAM_STATUSES, OPEN_TASK_STATUSES, type StaleAction } from './types';
import type { WorkstreamStatus } from '@state-hub/db';

/** A task the cleanup may act on, with what its event and report line need. */
export interface StaleCandidate {
  task_id: string;
  task_key: string;
  previous_status: OpenTaskStatus;
  updated_at: Date;
  workstream_id: string;
  workplan_id: string;
  workstream_status: WorkstreamStatus;
  repo_slug: string;
}

/** Something that runs SQL: the data source (scan) or a transaction's manager (re-check, update). */
type Queryable = Pick<EntityManager, 'query'>;

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const OPEN = list(OPEN_TASK_STATUSES);

/**
 * `$1` is the clock for `flagged` (tasks not updated since `$1` are stale); `cancelled` has no parameter.
 * Flagging happens once per stale episode: again only after an update newer than the last flag.
 */
const CONDITIONS: Record<StaleAction, string> = {
  cancelled: `w.status IN (${list(CLOSED_WORKSTREAM_STATUSES)}) AND t.status IN (${OPEN})`,
  flagged: `w.status = 'active' AND t.status IN (${OPEN}) AND t.updated_at < $1
            AND (t.stale_flagged_at IS NULL OR t.stale_flagged_at < t.updated_at)`,
};

const SELECT = `
  SELECT t.id AS task_id, t.task_key, t.status AS previous_status, t.updated_at,
         w.id AS workstream_id, w.workplan_id, w.status AS workstream_status, r.slug AS repo_slug
    FROM tasks t
    JOIN workstreams w ON w.id = t.workstream_id
    JOIN repos r ON r.id = w.repo_id`;

const LOWEST_UUID = '00000000-0000-0000-0000-000000000000';

/** Parameters of a condition: the cutoff for flags, none for cancels. */
function conditionParams(action: StaleAction, cutoff: Date): unknown[] {
  return action === 'flagged' ? [cutoff] : [];
}

/** One page of candidates after `afterId`, in id order (keyset paging: cheap on any table size). */
export function candidatePage(
  db: Queryable,
  action: StaleAction,
  cutoff: Date,
  afterId: string | undefined,
  pageSize: number,
): Promise<StaleCandidate[]> {
  const params = conditionParams(action, cutoff);
  const n = params.length;
  return db.query(
    `${SELECT}
      WHERE ${CONDITIONS[action]} AND t.id > $${n + 1}
      ORDER BY t.id
      LIMIT $${n + 2}`,
    [...params, afterId ?? LOWEST_UUID, pageSize],
  );
}

/**
 * Locks the task row and re-reads it under the same condition. Undefined when the task no
 * longer qualifies: another cleanup got there first, or someone changed the task meanwhile.
 */
export async function lockCandidate(
  manager: Queryable,
  action: StaleAction,
  cutoff: Date,
  taskId: string,
): Promise<StaleCandidate | undefined> {
  const params = conditionParams(action, cutoff);
  const rows: StaleCandidate[] = await manager.query(
    `${SELECT}
      WHERE ${CONDITIONS[action]} AND t.id = $${params.length + 1}
      FOR UPDATE OF t`,
    [...params, taskId],
  );
  return rows[0];
}

/** Cancels the task; `updated_at` moves as for any change, `completed_at` stays empty (nothing was completed). */
export async function cancelTask(manager: Queryable, taskId: string): Promise<void> {
  await manager.query(`UPDATE tasks SET status = 'cancelled', updated_at = now() WHERE id = $1`, [taskId]);
}

/** Marks the stale episode only: status and `updated_at` stay as they were. */
export async function flagTask(manager: Queryable, taskId: string, at: Date): Promise<void> {
  await manager.query(`UPDATE tasks SET stale_flagged_at = $2 WHERE id = $1`, [taskId, at]);
}

/** The database's clock, so that cutoffs and flags compare with `updated_at` on one clock. */
export async function databaseNow(db: Queryable): Promise<Date> {
  const [row] = (await db.query(`SELECT now() AS now`)) as { now: Date }[];
  return new Date(row.now);
}
