// Turns per-repo results into the SweepReport and records it as ONE progress
// event (`consistency_sweep_remote_all`, or `consistency_sync_repo` for a
// one-repo sync). The event's detail is what the history and the parallel-run
// comparison read, so its shape is kept flat and bounded.
import { ProgressEventEntity } from '@state-hub/db';
import type { EntityManager } from 'typeorm';
import { addInto, emptyChangeCounts, emptyFileCounts } from './counts';
import {
  SWEEP_PROGRESS_EVENT,
  SYNC_PROGRESS_EVENT,
  type RepoSyncResult,
  type SweepCounts,
  type SweepOptions,
  type SweepReport,
} from './types';

/** Warnings kept in a progress event (the report returned to the caller has all). */
export const MAX_DETAIL_WARNINGS = 100;
/** Repos listed in a sweep's progress event: only those not synced or with warnings. */
export const MAX_DETAIL_REPOS = 50;

export interface SweepRun {
  options: SweepOptions;
  maxSeconds: number;
  startedAt: Date;
  finishedAt: Date;
  lockTaken: boolean;
  repos: RepoSyncResult[];
}

export function countRepos(repos: readonly RepoSyncResult[]): SweepCounts {
  const counts: SweepCounts = {
    repos: repos.length,
    synced: 0,
    skipped_lock: 0,
    skipped_budget: 0,
    failed: 0,
    warnings: 0,
  };
  for (const r of repos) {
    counts[r.outcome]++;
    counts.warnings += r.warnings.length;
  }
  return counts;
}

function outcomeOf(run: SweepRun, counts: SweepCounts): SweepReport['outcome'] {
  if (!run.lockTaken) return 'skipped_lock';
  if (counts.failed > 0) return 'failed';
  if (counts.skipped_budget > 0 || counts.skipped_lock > 0) return 'partial';
  return 'completed';
}

export function buildReport(run: SweepRun, progressEventId: string): SweepReport {
  const counts = countRepos(run.repos);
  return {
    progress_event_id: progressEventId,
    source: run.options.source,
    remote: run.options.remote ?? false,
    max_seconds: run.maxSeconds,
    outcome: outcomeOf(run, counts),
    started_at: run.startedAt.toISOString(),
    finished_at: run.finishedAt.toISOString(),
    duration_ms: run.finishedAt.getTime() - run.startedAt.getTime(),
    counts,
    files: run.repos.reduce((sum, r) => addInto(sum, r.files), emptyFileCounts()),
    changes: run.repos.reduce((sum, r) => addInto(sum, r.changes), emptyChangeCounts()),
    warnings: run.repos.flatMap((r) => r.warnings.map((w) => `${r.repo}: ${w}`)),
    repos: run.repos,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export function sweepSummary(report: SweepReport): string {
  const c = report.counts;
  const skipped = c.skipped_lock + c.skipped_budget;
  const base = `sweep (${report.source}): ${c.synced} synced, ${c.failed} failed, ${skipped} skipped in ${seconds(report.duration_ms)}`;
  return report.outcome === 'skipped_lock' ? `${base} (another sweep holds the lock)` : base;
}

function sweepDetail(report: SweepReport): Record<string, unknown> {
  const notable = report.repos.filter((r) => r.outcome !== 'synced' || r.warnings.length > 0);
  return {
    source: report.source,
    remote: report.remote,
    outcome: report.outcome,
    max_seconds: report.max_seconds,
    started_at: report.started_at,
    finished_at: report.finished_at,
    duration_ms: report.duration_ms,
    counts: report.counts,
    files: report.files,
    changes: report.changes,
    warnings: report.warnings.slice(0, MAX_DETAIL_WARNINGS),
    warnings_total: report.warnings.length,
    repos: notable.slice(0, MAX_DETAIL_REPOS),
    repos_listed_total: notable.length,
  };
}

/** Records the sweep; returns the report with the event's id. */
export async function recordSweep(manager: EntityManager, run: SweepRun): Promise<SweepReport> {
  const draft = buildReport(run, '');
  const saved = await manager.save(
    ProgressEventEntity,
    manager.create(ProgressEventEntity, {
      repo_id: null,
      event_type: SWEEP_PROGRESS_EVENT,
      summary: sweepSummary(draft),
      detail: sweepDetail(draft),
      actor: run.options.actor ?? null,
      occurred_at: run.finishedAt,
    }),
  );
  return { ...draft, progress_event_id: saved.id };
}

export function syncSummary(result: RepoSyncResult, source: string): string {
  const changed = result.files.synced + result.files.orphaned;
  const what = result.outcome === 'failed' ? `failed: ${result.error ?? 'unknown error'}` : result.outcome;
  return `sync ${result.repo} (${source}): ${what}, ${changed} file(s) changed, ${result.files.errors} error(s) in ${seconds(result.duration_ms)}`;
}

/** Records a one-repo sync on that repo. */
export async function recordSync(
  manager: EntityManager,
  repoId: string,
  result: RepoSyncResult,
  options: Pick<SweepOptions, 'source' | 'remote' | 'actor'>,
): Promise<string> {
  const saved = await manager.save(
    ProgressEventEntity,
    manager.create(ProgressEventEntity, {
      repo_id: repoId,
      event_type: SYNC_PROGRESS_EVENT,
      summary: syncSummary(result, options.source),
      detail: {
        source: options.source,
        remote: options.remote ?? false,
        ...result,
        warnings: result.warnings.slice(0, MAX_DETAIL_WARNINGS),
      },
      actor: options.actor ?? null,
    }),
  );
  return saved.id;
}
