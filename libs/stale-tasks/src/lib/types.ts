// CONTRACT of the stale-task cleanup, used by apps/stale-cleanup and the API.
import type { WorkstreamStatus } from '@state-hub/db';

/** Task statuses the cleanup acts on: work that is still open. */
export const OPEN_TASK_STATUSES = ['todo', 'in_progress', 'blocked'] as const;
export type OpenTaskStatus = (typeof OPEN_TASK_STATUSES)[number];

/** Workstreams whose open tasks are cancelled. */
export const CLOSED_WORKSTREAM_STATUSES = ['completed', 'archived'] as const satisfies readonly WorkstreamStatus[];

export const DEFAULT_STALE_AFTER_DAYS = 14;
export const MIN_STALE_AFTER_DAYS = 1;
export const MAX_STALE_AFTER_DAYS = 3650;

export interface StaleCleanupOptions {
  /** Report what would change; change nothing, emit nothing. */
  dryRun?: boolean;
  /** Tasks in active workstreams not updated for this many days are flagged (default 14). */
  staleAfterDays?: number;
  /** The clock (tests); defaults to the database's `now()`. */
  now?: Date;
  /** Candidate tasks read per query (default 200). */
  pageSize?: number;
}

export type StaleAction = 'cancelled' | 'flagged';
export type StaleReason = 'workstream_closed' | 'inactive';

export interface StaleTaskAction {
  task_id: string;
  task_key: string;
  workstream_id: string;
  workplan_id: string;
  repo_slug: string;
  action: StaleAction;
  reason: StaleReason;
  previous_status: OpenTaskStatus;
  /** Status of the workstream when the task was looked at (`completed`/`archived` for a cancel, `active` for a flag). */
  workstream_status: WorkstreamStatus;
  /** When the task was last updated before the cleanup (ISO 8601). */
  last_updated_at: string;
  /** Whole days between that update and the run. */
  inactive_days: number;
  /** Id of the `org.statehub.task.stale` event (absent on a dry run). */
  event_id?: string;
}

/** A task whose change was rolled back; the other tasks of the run are unaffected. */
export interface StaleTaskFailure {
  task_id: string;
  task_key: string;
  repo_slug: string;
  action: StaleAction;
  message: string;
}

export interface StaleCleanupReport {
  dry_run: boolean;
  stale_after_days: number;
  cancelled: number;
  flagged: number;
  actions: StaleTaskAction[];
  /** Always empty in a report that `runStaleCleanup` resolves with; see StaleCleanupIncompleteError. */
  failures: StaleTaskFailure[];
  duration_ms: number;
}
