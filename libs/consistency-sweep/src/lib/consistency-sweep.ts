// Entry point of the consistency sweep (DESIGN.md §6): `sweep` runs every
// active repo under the global lock and records one progress event;
// `syncRepo` is the per-commit path for one repo. The global lock is claimed
// in process before any connection is taken; the run's queries then go
// through a SweepSession (one dedicated connection on a Postgres server, none
// held on PGlite — see sweep-session.ts).
import type { OutboxCommits } from '@state-hub/outbox';
import { RepoEntity } from '@state-hub/db';
import type { DataSource, EntityManager } from 'typeorm';
import { claimInProcess, globalSweepLock, releaseInProcess, repoLock } from './advisory-lock';
import { RepoArchivedError, RepoNotFoundError } from './errors';
import { repoResult, syncRepoFiles } from './repo-sync';
import { runThenRelease } from './run-then-release';
import { recordSweep, recordSync, type SweepRun } from './sweep-report';
import { SweepSession } from './sweep-session';
import { stampSynced } from './synced-stamp';
import type { RepoSyncResult, SweepOptions, SweepReport, SweepSettings } from './types';

export const DEFAULT_SWEEP_SETTINGS: SweepSettings = {
  commitWriteback: false,
  pushWriteback: false,
  gitAuthorName: 'State Hub',
  gitAuthorEmail: 'state-hub@localhost',
  workplanDir: 'workplans',
  repoLockWaitSeconds: 30,
};

export const DEFAULT_MAX_SECONDS = 300;

type SyncOptions = Omit<SweepOptions, 'repo' | 'maxSeconds'>;

/** Reconciles workplan files with the database (DESIGN.md §6). */
export class ConsistencySweep {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: SweepSettings = DEFAULT_SWEEP_SETTINGS,
    /** The process's OutboxSignal, if any: it decides each commit's NOTIFY and hears of each commit of events. */
    private readonly outbox?: OutboxCommits,
  ) {}

  /** Sweeps every active repo (or `options.repo`) under the global lock; records the progress event. */
  async sweep(options: SweepOptions): Promise<SweepReport> {
    const maxSeconds = options.maxSeconds ?? DEFAULT_MAX_SECONDS;
    if (!(maxSeconds > 0)) throw new RangeError(`maxSeconds must be a positive number, got ${maxSeconds}`);
    const run = { options, maxSeconds, startedAt: new Date() };
    const deadline = run.startedAt.getTime() + maxSeconds * 1000;
    const lock = globalSweepLock();
    // before any connection is taken: a second sweep in this process answers at once
    if (!claimInProcess(this.dataSource, lock)) {
      const manager = this.dataSource.manager;
      return this.record(manager, run, await this.reposToSweep(manager, options.repo), null);
    }
    return runThenRelease(
      () =>
        SweepSession.run(this.dataSource, async (session) => {
          const repos = await this.reposToSweep(session.manager, options.repo);
          if (!(await session.holdServerLock(lock))) return this.record(session.manager, run, repos, null);
          const results = await runThenRelease(
            () => this.sweepRepos(session, repos, options, deadline),
            () => session.releaseServerLock(lock),
          );
          return this.record(session.manager, run, repos, results);
        }),
      async () => releaseInProcess(this.dataSource, lock),
    );
  }

  /** Syncs one repo (the per-commit path). Throws RepoNotFoundError / RepoArchivedError for a slug it cannot sync. */
  async syncRepo(slug: string, options: SyncOptions): Promise<RepoSyncResult> {
    return SweepSession.run(this.dataSource, async (session) => {
      const repo = await findRepo(session.manager, slug);
      options.onProgress?.({ kind: 'started', total: 1 });
      options.onProgress?.({ kind: 'repo_started', repo: repo.slug, index: 0, total: 1 });
      const result = await this.lockedRepoSync(session, repo, options, this.settings.repoLockWaitSeconds);
      const eventId = await session.manager.transaction(async (m) => {
        if (result.outcome === 'synced') await stampSynced(m, [repo.id], new Date());
        return recordSync(m, repo.id, result, options);
      });
      const recorded = { ...result, progress_event_id: eventId };
      options.onProgress?.({ kind: 'repo_finished', result: recorded, index: 0, total: 1 });
      return recorded;
    });
  }

  /** Records the sweep; `results` null means the global lock was busy (every repo `skipped_lock`, none touched). */
  private async record(
    manager: EntityManager,
    run: Pick<SweepRun, 'options' | 'maxSeconds' | 'startedAt'>,
    repos: RepoEntity[],
    results: RepoSyncResult[] | null,
  ): Promise<SweepReport> {
    const finishedAt = new Date();
    const lockTaken = results !== null;
    const outcomes = results ?? repos.map((r) => repoResult(r.slug, 'skipped_lock', { pull: 'local' }));
    const synced = repos.filter((_, i) => outcomes[i].outcome === 'synced').map((r) => r.id);
    return manager.transaction(async (m) => {
      await stampSynced(m, synced, finishedAt);
      return recordSweep(m, { ...run, finishedAt, lockTaken, repos: outcomes });
    });
  }

  private async sweepRepos(
    session: SweepSession,
    repos: RepoEntity[],
    options: SweepOptions,
    deadline: number,
  ): Promise<RepoSyncResult[]> {
    const results: RepoSyncResult[] = [];
    const total = repos.length;
    options.onProgress?.({ kind: 'started', total });
    for (const [index, repo] of repos.entries()) {
      const left = deadline - Date.now();
      if (left <= 0) {
        results.push(repoResult(repo.slug, 'skipped_budget', { pull: 'local' }));
        options.onProgress?.({ kind: 'repo_finished', result: results[index], index, total });
        continue;
      }
      options.onProgress?.({ kind: 'repo_started', repo: repo.slug, index, total });
      // a per-commit sync of this repo may be running: wait for it, within the budget
      const wait = Math.min(this.settings.repoLockWaitSeconds, left / 1000);
      results.push(await this.lockedRepoSync(session, repo, options, wait));
      options.onProgress?.({ kind: 'repo_finished', result: results[index], index, total });
    }
    return results;
  }

  private async lockedRepoSync(
    session: SweepSession,
    repo: RepoEntity,
    options: SyncOptions,
    waitSeconds: number,
  ): Promise<RepoSyncResult> {
    const started = Date.now();
    const lock = repoLock(repo.id);
    if (!(await session.waitForLock(lock, waitSeconds))) {
      return repoResult(repo.slug, 'skipped_lock', {
        warnings: [`another sync of this repo held its lock for ${waitSeconds.toFixed(1)} s`],
        duration_ms: Date.now() - started,
      });
    }
    return runThenRelease(
      () =>
        syncRepoFiles(session.manager, repo, {
          remote: options.remote ?? false,
          reportedSha: options.reportedSha,
          writeback: options.writeback !== false,
          settings: this.settings,
          outbox: this.outbox,
        }),
      () => session.unlock(lock),
    );
  }

  private async reposToSweep(manager: EntityManager, slug: string | undefined): Promise<RepoEntity[]> {
    if (slug !== undefined) return [await findRepo(manager, slug)];
    return manager.find(RepoEntity, { where: { status: 'active' }, order: { slug: 'ASC' } });
  }
}

async function findRepo(manager: EntityManager, slug: string): Promise<RepoEntity> {
  const repo = await manager.findOne(RepoEntity, { where: { slug } });
  if (!repo) throw new RepoNotFoundError(slug);
  if (repo.status === 'archived') throw new RepoArchivedError(slug);
  return repo;
}
