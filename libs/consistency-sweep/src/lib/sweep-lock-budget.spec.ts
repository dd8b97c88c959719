// One sweep at a time (global advisory lock), one sync per repo (repo lock),
// and the time budget — against real Postgres, with a second connection
// standing in for another replica.
import { ProgressEventEntity, WorkstreamEntity, type RepoEntity } from '@state-hub/db';
import { Client } from 'pg';
import {
  emptyReadModel,
  makeGitRepo,
  openSweepDb,
  seedRepo,
  TempDirs,
  workplanText,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { REPO_LOCK_NAMESPACE, SWEEP_GLOBAL_LOCK_KEY, SWEEP_LOCK_NAMESPACE } from './advisory-lock';
import { ConsistencySweep, DEFAULT_SWEEP_SETTINGS } from './consistency-sweep';
import { SWEEP_PROGRESS_EVENT, SYNC_PROGRESS_EVENT } from './types';

describe('ConsistencySweep locks and budget (real Postgres)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  let other: Client;
  let repos: RepoEntity[];

  const workstreamsOf = (repo: RepoEntity) => sdb.ds.manager.countBy(WorkstreamEntity, { repo_id: repo.id });

  beforeAll(async () => {
    sdb = await openSweepDb();
    other = new Client({ connectionString: sdb.db?.url });
    await other.connect();
  });
  afterAll(async () => {
    await other?.end();
    await sdb?.close();
    dirs.cleanup();
  });
  beforeEach(async () => {
    await emptyReadModel(sdb);
    await other.query('SELECT pg_advisory_unlock_all()');
    repos = [];
    for (const slug of ['r1', 'r2', 'r3']) {
      const root = makeGitRepo(dirs, {
        [`workplans/${slug}.md`]: workplanText({ id: `${slug.toUpperCase()}-1`, title: slug }),
      });
      repos.push(await seedRepo(sdb.ds, sdb.domain, { slug, localPath: root }));
    }
  });

  it('reports skipped_lock for every repo, touches none, and still records the sweep when another sweep holds the lock', async () => {
    await other.query('SELECT pg_advisory_lock($1::int, $2::int)', [SWEEP_LOCK_NAMESPACE, SWEEP_GLOBAL_LOCK_KEY]);
    const report = await new ConsistencySweep(sdb.ds).sweep({ source: 'activity-core', actor: 'engine' });

    expect(report.outcome).toBe('skipped_lock');
    expect(report.counts).toEqual({ repos: 3, synced: 0, skipped_lock: 3, skipped_budget: 0, failed: 0, warnings: 0 });
    for (const repo of repos) expect(await workstreamsOf(repo)).toBe(0);
    const event = await sdb.ds.manager.findOneByOrFail(ProgressEventEntity, { id: report.progress_event_id });
    expect(event).toMatchObject({ event_type: SWEEP_PROGRESS_EVENT, actor: 'engine' });
    expect(event.summary).toMatch(
      /^sweep \(activity-core\): 0 synced, 0 failed, 3 skipped in .* \(another sweep holds the lock\)$/,
    );
    expect(event.detail).toMatchObject({ outcome: 'skipped_lock', counts: { skipped_lock: 3 } });

    await other.query('SELECT pg_advisory_unlock($1::int, $2::int)', [SWEEP_LOCK_NAMESPACE, SWEEP_GLOBAL_LOCK_KEY]);
    expect((await new ConsistencySweep(sdb.ds).sweep({ source: 'activity-core' })).outcome).toBe('completed');
  });

  it('a second sweep of the same process answers skipped_lock while the first completes', async () => {
    const sweeper = new ConsistencySweep(sdb.ds);
    let second: Promise<string> | undefined;
    const first = await sweeper.sweep({
      source: 'local-timer',
      onProgress: (e) => {
        if (e.kind === 'started') second = sweeper.sweep({ source: 'api' }).then((r) => r.outcome);
      },
    });
    expect(first.outcome).toBe('completed');
    expect(await second).toBe('skipped_lock');
  });

  it('a repo whose lock another sync holds is skipped_lock after the wait; the sweep is partial', async () => {
    await other.query('SELECT pg_advisory_lock($1::int, hashtext($2::text))', [REPO_LOCK_NAMESPACE, repos[1].id]);
    const sweeper = new ConsistencySweep(sdb.ds, { ...DEFAULT_SWEEP_SETTINGS, repoLockWaitSeconds: 0.3 });

    const started = Date.now();
    const synced = await sweeper.syncRepo('r2', { source: 'commit-hook' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(synced.outcome).toBe('skipped_lock');
    expect(
      await sdb.ds.manager.countBy(ProgressEventEntity, { event_type: SYNC_PROGRESS_EVENT, repo_id: repos[1].id }),
    ).toBe(1);

    const report = await sweeper.sweep({ source: 'manual' });
    expect(report.repos.map((r) => r.outcome)).toEqual(['synced', 'skipped_lock', 'synced']);
    expect(report.outcome).toBe('partial');
    expect(await workstreamsOf(repos[1])).toBe(0);
    expect(await workstreamsOf(repos[2])).toBe(1);
  });

  it('repos not started within the budget are skipped_budget and left untouched', async () => {
    const sweeper = new ConsistencySweep(sdb.ds);
    const report = await sweeper.sweep({
      source: 'local-timer',
      maxSeconds: 0.2,
      onProgress: (e) => {
        // the first repo "takes" longer than the whole budget
        if (e.kind === 'repo_finished' && e.index === 0) {
          const until = Date.now() + 250;
          while (Date.now() < until) {
            /* busy: progress callbacks are synchronous */
          }
        }
      },
    });
    expect(report.repos.map((r) => [r.repo, r.outcome])).toEqual([
      ['r1', 'synced'],
      ['r2', 'skipped_budget'],
      ['r3', 'skipped_budget'],
    ]);
    expect(report).toMatchObject({ outcome: 'partial', max_seconds: 0.2 });
    expect(report.counts).toMatchObject({ synced: 1, skipped_budget: 2 });
    expect(await workstreamsOf(repos[1])).toBe(0);
    const event = await sdb.ds.manager.findOneByOrFail(ProgressEventEntity, { id: report.progress_event_id });
    expect(event.summary).toMatch(/^sweep \(local-timer\): 1 synced, 0 failed, 2 skipped in /);
    expect((event.detail['repos'] as { repo: string }[]).map((r) => r.repo)).toEqual(['r2', 'r3']);
  });

  it('reports progress as each repo starts and finishes', async () => {
    const seen: string[] = [];
    await new ConsistencySweep(sdb.ds).sweep({
      source: 'manual',
      onProgress: (e) => seen.push(e.kind === 'started' ? `started ${e.total}` : `${e.kind} ${e.index}/${e.total}`),
    });
    expect(seen).toEqual([
      'started 3',
      'repo_started 0/3',
      'repo_finished 0/3',
      'repo_started 1/3',
      'repo_finished 1/3',
      'repo_started 2/3',
      'repo_finished 2/3',
    ]);
  });
});
