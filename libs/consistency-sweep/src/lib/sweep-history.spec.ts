// The sweep history and the parallel-run comparison over recorded sweeps of
// two sources (real Postgres; the sweeps themselves are real too).
import { join } from 'node:path';
import { Client } from 'pg';
import {
  makeGitRepo,
  openSweepDb,
  seedRepo,
  TempDirs,
  workplanText,
  writeText,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { SWEEP_GLOBAL_LOCK_KEY, SWEEP_LOCK_NAMESPACE } from './advisory-lock';
import { ConsistencySweep } from './consistency-sweep';
import { SweepQueryError } from './errors';
import { compareSweeps, listSweeps } from './sweep-history';
import type { SweepReport } from './types';

describe('listSweeps / compareSweeps (real Postgres)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  const reports: SweepReport[] = [];
  let windowStart: Date;
  let outsideId: string;

  const busyFirstRepo = (e: { kind: string; index?: number }) => {
    if (e.kind === 'repo_finished' && e.index === 0) {
      const until = Date.now() + 250;
      while (Date.now() < until) {
        /* the first repo outlasts the budget */
      }
    }
  };

  beforeAll(async () => {
    sdb = await openSweepDb();
    const rootA = makeGitRepo(dirs, { 'workplans/A.md': workplanText({ id: 'A-1', title: 'A' }) });
    const rootB = makeGitRepo(dirs, { 'workplans/B.md': workplanText({ id: 'B-1', title: 'B' }) });
    await seedRepo(sdb.ds, sdb.domain, { slug: 'a', localPath: rootA });
    await seedRepo(sdb.ds, sdb.domain, { slug: 'b', localPath: rootB });
    await seedRepo(sdb.ds, sdb.domain, { slug: 'c', localPath: join(rootA, 'missing'), status: 'archived' });
    const sweeper = new ConsistencySweep(sdb.ds);
    const run = async (...args: Parameters<ConsistencySweep['sweep']>) => reports.push(await sweeper.sweep(...args));

    // one run long before the window
    await run({ source: 'local-timer' });
    outsideId = reports[0].progress_event_id;
    await sdb.ds.query(`UPDATE progress_events SET occurred_at = now() - interval '2 days' WHERE id = $1`, [outsideId]);
    windowStart = new Date(Date.now() - 1000);

    await run({ source: 'activity-core' }); // completed
    const other = new Client({ connectionString: sdb.db?.url });
    await other.connect();
    await other.query('SELECT pg_advisory_lock($1::int, $2::int)', [SWEEP_LOCK_NAMESPACE, SWEEP_GLOBAL_LOCK_KEY]);
    await run({ source: 'activity-core' }); // skipped_lock: 2 repos
    await other.end();
    await sdb.ds.query(`UPDATE repos SET status = 'active' WHERE slug = 'c'`);
    await run({ source: 'activity-core', remote: true }); // failed: c
    await sdb.ds.query(`UPDATE repos SET status = 'archived' WHERE slug = 'c'`);

    await run({ source: 'local-timer' }); // completed
    writeText(rootA, 'workplans/W.md', workplanText({ id: 'W-1', title: 'W', domain: 'nowhere' }));
    await run({ source: 'local-timer' }); // completed with a warning
    await run({ source: 'local-timer', maxSeconds: 0.2, onProgress: busyFirstRepo }); // partial: b skipped_budget
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });

  it('the sweeps recorded what the comparison relies on', () => {
    expect(reports.map((r) => [r.source, r.outcome])).toEqual([
      ['local-timer', 'completed'],
      ['activity-core', 'completed'],
      ['activity-core', 'skipped_lock'],
      ['activity-core', 'failed'],
      ['local-timer', 'completed'],
      ['local-timer', 'completed'],
      ['local-timer', 'partial'],
    ]);
    expect(reports[5].counts.warnings).toBe(1);
  });

  it('lists sweeps newest first, filtered by window and source, paged with a total', async () => {
    const all = await listSweeps(sdb.ds, {});
    expect(all.total).toBe(7);
    expect(all.items.map((i) => i.id)).toEqual(
      [...reports.slice(1).reverse(), reports[0]].map((r) => r.progress_event_id),
    );
    expect(all.items[0]).toMatchObject({
      source: 'local-timer',
      outcome: 'partial',
      remote: false,
      counts: { repos: 2, synced: 1, skipped_budget: 1 },
      warnings: [],
    });
    expect(all.items.find((i) => i.id === reports[3].progress_event_id)).toMatchObject({
      remote: true,
      outcome: 'failed',
    });

    const timer = await listSweeps(sdb.ds, { source: 'local-timer', since: windowStart });
    expect(timer.total).toBe(3);
    expect(timer.items.map((i) => i.source)).toEqual(['local-timer', 'local-timer', 'local-timer']);
    expect(timer.items[1].warnings).toEqual([
      "a: workplans/W.md: domain 'nowhere' is not registered; workstream kept without one",
    ]);

    const old = await listSweeps(sdb.ds, { until: windowStart });
    expect(old.items.map((i) => i.id)).toEqual([outsideId]);

    const page = await listSweeps(sdb.ds, { limit: 2, offset: 1 });
    expect(page).toMatchObject({
      total: 7,
      items: [{ id: reports[5].progress_event_id }, { id: reports[4].progress_event_id }],
    });
    expect(await listSweeps(sdb.ds, { offset: 50 })).toEqual({ items: [], total: 7 });
  });

  it('refuses a bad page or window with an error naming the field', async () => {
    await expect(listSweeps(sdb.ds, { limit: 201 })).rejects.toThrow(
      new SweepQueryError('limit', 'must be an integer from 1 to 200, got 201'),
    );
    await expect(listSweeps(sdb.ds, { offset: -1 })).rejects.toThrow(/^offset: /);
    await expect(compareSweeps(sdb.ds, new Date(), windowStart)).rejects.toThrow(/^since: must be before until/);
  });

  it('compares the two sources over the window', async () => {
    const until = new Date(Date.now() + 60_000);
    const comparison = await compareSweeps(sdb.ds, windowStart, until);
    expect(comparison.since).toBe(windowStart.toISOString());
    expect(comparison.sources).toEqual([
      {
        source: 'activity-core',
        runs: 3,
        completed: 1,
        completion_rate: 1 / 3,
        runs_skipped_lock: 1,
        repos_skipped_lock: 2,
        repos_skipped_budget: 0,
        hard_failures: 1,
        warn_only: 0,
        first_run_at: reports[1].finished_at,
        last_run_at: reports[3].finished_at,
      },
      {
        source: 'local-timer',
        runs: 3,
        completed: 2,
        completion_rate: 2 / 3,
        runs_skipped_lock: 0,
        repos_skipped_lock: 0,
        repos_skipped_budget: 1,
        hard_failures: 0,
        warn_only: 1,
        first_run_at: reports[4].finished_at,
        last_run_at: reports[6].finished_at,
      },
    ]);
    expect((await compareSweeps(sdb.ds, new Date(0), windowStart)).sources).toMatchObject([
      { source: 'local-timer', runs: 1 },
    ]);
  });
});
