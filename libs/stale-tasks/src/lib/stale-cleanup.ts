// The stale-task cleanup: two passes over the tasks (cancel, then flag), read in
// pages, each change made in a transaction of its own that locks the task,
// re-checks it and writes its `org.statehub.task.stale` event to the outbox.
import { appendToOutbox, type OutboxCommits } from '@state-hub/outbox';
import { buildEvent, SUBJECTS } from '@state-hub/subjects';
import type { DataSource } from 'typeorm';
import { resolveCleanupOptions, type ResolvedCleanupOptions } from './cleanup-options';
import { StaleCleanupIncompleteError } from './stale-cleanup-error';
import { cancelTask, candidatePage, databaseNow, flagTask, lockCandidate, type StaleCandidate } from './stale-queries';
import type {
  StaleAction,
  StaleCleanupOptions,
  StaleCleanupReport,
  StaleReason,
  StaleTaskAction,
  StaleTaskFailure,
} from './types';

const DAY_MS = 24 * 3600_000;
/** Failing this many tasks in a row means something is wrong beyond one task (e.g. the database left). */
export const MAX_FAILURES_IN_A_ROW = 5;

const REASONS: Record<StaleAction, StaleReason> = { cancelled: 'workstream_closed', flagged: 'inactive' };

/**
 * Cancels open tasks of closed workstreams and flags inactive tasks of active
 * ones; each change and its `org.statehub.task.stale` event in one transaction.
 * `outbox` (the process's OutboxSignal, if any) decides each commit's NOTIFY and hears of each commit of events.
 *
 * Rejects with StaleCleanupOptionsError for bad options (nothing done), with
 * StaleCleanupIncompleteError when some tasks could not be changed (the others were),
 * and with the database's error when a candidate query fails.
 */
export async function runStaleCleanup(
  ds: DataSource,
  options: StaleCleanupOptions = {},
  outbox?: OutboxCommits,
): Promise<StaleCleanupReport> {
  const started = performance.now();
  const resolved = resolveCleanupOptions(options);
  const now = options.now ?? (await databaseNow(ds));
  const run = new CleanupRun(ds, resolved, now, outbox, started);
  await run.pass('cancelled');
  await run.pass('flagged');
  const report = run.report();
  if (report.failures.length > 0) throw new StaleCleanupIncompleteError(report);
  return report;
}

class CleanupRun {
  private readonly actions: StaleTaskAction[] = [];
  private readonly failures: StaleTaskFailure[] = [];
  private failuresInARow = 0;
  private readonly cutoff: Date;

  constructor(
    private readonly ds: DataSource,
    private readonly options: ResolvedCleanupOptions,
    private readonly now: Date,
    private readonly outbox: OutboxCommits | undefined,
    private readonly started: number,
  ) {
    this.cutoff = new Date(now.getTime() - options.staleAfterDays * DAY_MS);
  }

  /** Walks every candidate for `action`, page by page. */
  async pass(action: StaleAction): Promise<void> {
    let afterId: string | undefined;
    for (;;) {
      const page = await candidatePage(this.ds, action, this.cutoff, afterId, this.options.pageSize);
      for (const candidate of page) {
        if (this.options.dryRun) this.actions.push(this.describe(candidate, action));
        else await this.change(candidate, action);
      }
      if (page.length < this.options.pageSize) return;
      afterId = page[page.length - 1].task_id;
    }
  }

  /** One task, one transaction: lock, re-check, change, event. A failure rolls back this task only. */
  private async change(candidate: StaleCandidate, action: StaleAction): Promise<void> {
    try {
      const done = await this.ds.transaction(async (manager) => {
        const task = await lockCandidate(manager, action, this.cutoff, candidate.task_id);
        if (!task) return undefined; // another run (or an edit) got there first
        if (action === 'cancelled') await cancelTask(manager, task.task_id);
        else await flagTask(manager, task.task_id, this.now);
        const envelope = buildEvent(SUBJECTS.taskStale, {
          task_id: task.task_id,
          task_key: task.task_key,
          workstream_id: task.workstream_id,
          repo_slug: task.repo_slug,
          reason: REASONS[action],
          action,
          previous_status: task.previous_status,
        });
        await appendToOutbox(manager, envelope, { outbox: this.outbox });
        return this.describe(task, action, envelope.id);
      });
      this.failuresInARow = 0;
      if (done) {
        this.actions.push(done);
        this.outbox?.committed();
      }
    } catch (err) {
      this.failures.push({
        task_id: candidate.task_id,
        task_key: candidate.task_key,
        repo_slug: candidate.repo_slug,
        action,
        message: err instanceof Error ? err.message : String(err),
      });
      if (++this.failuresInARow >= MAX_FAILURES_IN_A_ROW) {
        throw new StaleCleanupIncompleteError(
          this.report(),
          `stopped after ${MAX_FAILURES_IN_A_ROW} failures in a row`,
        );
      }
    }
  }

  private describe(task: StaleCandidate, action: StaleAction, eventId?: string): StaleTaskAction {
    const updatedAt = new Date(task.updated_at);
    return {
      task_id: task.task_id,
      task_key: task.task_key,
      workstream_id: task.workstream_id,
      workplan_id: task.workplan_id,
      repo_slug: task.repo_slug,
      action,
      reason: REASONS[action],
      previous_status: task.previous_status,
      workstream_status: task.workstream_status,
      last_updated_at: updatedAt.toISOString(),
      inactive_days: Math.max(0, Math.floor((this.now.getTime() - updatedAt.getTime()) / DAY_MS)),
      ...(eventId ? { event_id: eventId } : {}),
    };
  }

  report(): StaleCleanupReport {
    return {
      dry_run: this.options.dryRun,
      stale_after_days: this.options.staleAfterDays,
      cancelled: this.actions.filter((a) => a.action === 'cancelled').length,
      flagged: this.actions.filter((a) => a.action === 'flagged').length,
      actions: [...this.actions],
      failures: [...this.failures],
      duration_ms: Math.round(performance.now() - this.started),
    };
  }
}
