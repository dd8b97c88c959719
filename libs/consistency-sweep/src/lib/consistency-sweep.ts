// Entry point of the consistency sweep (DESIGN.md §6): `sweep` runs every
// active repo under the global advisory lock and records one progress event;
// `syncRepo` is the per-commit path for one repo. Both work on ONE dedicated
// connection held for the whole run (it holds the session-level locks, and on
// PGlite it is the only connection there is).
import { RepoEntity } from '@state-hub/db';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { globalSweepLock, repoLock, tryLock, unlock, waitForLock } from './advisory-lock';
import { RepoArchivedError, RepoNotFoundError } from './errors';
import { repoResult, syncRepoFiles } from './repo-sync';
import { recordSweep, recordSync } from './sweep-report';
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
    /** Called after a transaction that wrote outbox events commits (the API wakes its relay). */
    private readonly onEventsCommitted: () => void = () => undefined,
  ) {}

  /** Sweeps every active repo (or `options.repo`) under the global advisory lock; records the progress event. */
  async sweep(options: SweepOptions): Promise<SweepReport> {
    const maxSeconds = options.maxSeconds ?? DEFAULT_MAX_SECONDS;
    if (!(maxSeconds > 0)) throw new RangeError(`maxSeconds must be a positive number, got ${maxSeconds}`);
    const startedAt = new Date();
    const deadline = startedAt.getTime() + maxSeconds * 1000;
    return this.withRunner(async (runner) => {
      const repos = await this.reposToSweep(runner.manager, options.repo);
      const lock = globalSweepLock();
      const lockTaken = await tryLock(runner, lock);
      let results: RepoSyncResult[];
      if (!lockTaken) {
        results = repos.map((r) => repoResult(r.slug, 'skipped_lock', { pull: 'local' }));
      } else {
        try {
          results = await this.sweepRepos(runner, repos, options, deadline);
        } finally {
          await unlock(runner, lock);
        }
      }
      const finishedAt = new Date();
      const synced = repos.filter((_, i) => results[i].outcome === 'synced').map((r) => r.id);
      return runner.manager.transaction(async (m) => {
        await stampSynced(m, synced, finishedAt);
        return recordSweep(m, { options, maxSeconds, startedAt, finishedAt, lockTaken, repos: results });
      });
    });
  }

  /** Syncs one repo (the per-commit path). Throws RepoNotFoundError / RepoArchivedError for a slug it cannot sync. */
  async syncRepo(slug: string, options: SyncOptions): Promise<RepoSyncResult> {
    return this.withRunner(async (runner) => {
      const repo = await findRepo(runner.manager, slug);
      options.onProgress?.({ kind: 'started', total: 1 });
      options.onProgress?.({ kind: 'repo_started', repo: repo.slug, index: 0, total: 1 });
      const result = await this.lockedRepoSync(runner, repo, options, this.settings.repoLockWaitSeconds);
      const eventId = await runner.manager.transaction(async (m) => {
        if (result.outcome === 'synced') await stampSynced(m, [repo.id], new Date());
        return recordSync(m, repo.id, result, options);
      });
      const recorded = { ...result, progress_event_id: eventId };
      options.onProgress?.({ kind: 'repo_finished', result: recorded, index: 0, total: 1 });
      return recorded;
    });
  }

  private async sweepRepos(
    runner: QueryRunner,
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
      results.push(await this.lockedRepoSync(runner, repo, options, wait));
      options.onProgress?.({ kind: 'repo_finished', result: results[index], index, total });
    }
    return results;
  }

  private async lockedRepoSync(
    runner: QueryRunner,
    repo: RepoEntity,
    options: SyncOptions,
    waitSeconds: number,
  ): Promise<RepoSyncResult> {
    const started = Date.now();
    const lock = repoLock(repo.id);
    if (!(await waitForLock(runner, lock, waitSeconds))) {
      return repoResult(repo.slug, 'skipped_lock', {
        warnings: [`another sync of this repo held its lock for ${waitSeconds.toFixed(1)} s`],
        duration_ms: Date.now() - started,
      });
    }
    try {
      return await syncRepoFiles(runner.manager, repo, {
        remote: options.remote ?? false,
        writeback: options.writeback !== false,
        settings: this.settings,
        onEventsCommitted: this.onEventsCommitted,
      });
    } finally {
      await unlock(runner, lock);
    }
  }

  private async reposToSweep(manager: EntityManager, slug: string | undefined): Promise<RepoEntity[]> {
    if (slug !== undefined) return [await findRepo(manager, slug)];
    return manager.find(RepoEntity, { where: { status: 'active' }, order: { slug: 'ASC' } });
  }

  private async withRunner<T>(work: (runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      return await work(runner);
    } finally {
      await runner.release();
    }
  }
}

async function findRepo(manager: EntityManager, slug: string): Promise<RepoEntity> {
  const repo = await manager.findOne(RepoEntity, { where: { slug } });
  if (!repo) throw new RepoNotFoundError(slug);
  if (repo.status === 'archived') throw new RepoArchivedError(slug);
  return repo;
}
