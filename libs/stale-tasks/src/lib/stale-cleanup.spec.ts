// The cleanup against real Postgres: what it cancels and flags, the events it
// writes with each change, and that repeats, dry runs, concurrent runs and a
// failing task never produce a wrong or a duplicate event.
import { closeDataSource, openDataSource } from '@state-hub/db';
import { OUTBOX_CHANNEL } from '@state-hub/outbox';
import { createTestDatabase, listenForNotifications, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { daysAgo, DAY_MS, StaleFixture } from '../testing/stale-fixture';
import { runStaleCleanup, MAX_FAILURES_IN_A_ROW } from './stale-cleanup';
import { StaleCleanupIncompleteError, StaleCleanupOptionsError } from './stale-cleanup-error';
import type { StaleTaskAction } from './types';

describe('runStaleCleanup (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let fx: StaleFixture;

  beforeAll(async () => {
    db = await createTestDatabase('statehub_stale');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 4 });
    fx = new StaleFixture(ds);
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });
  beforeEach(() => fx.reset());

  /** The process's outbox signal as the cleanup sees it, with no relay publishing here. */
  const counting = (committed: () => void) => ({ committed, relayPublishingHere: () => false });
  const withoutEventId = (actions: StaleTaskAction[]) => actions.map(({ event_id: _id, ...rest }) => rest);

  it('cancels open tasks of completed and archived workstreams, each with its event', async () => {
    const repo = await fx.repo('hub');
    const completed = await fx.workstream(repo, 'HUB-WP-1', 'completed');
    const archived = await fx.workstream(repo, 'HUB-WP-2', 'archived');
    const todo = await fx.task(completed, 'HUB-WP-1-T01', { status: 'todo' });
    const blocked = await fx.task(completed, 'HUB-WP-1-T02', { status: 'blocked' });
    const inProgress = await fx.task(archived, 'HUB-WP-2-T01', { status: 'in_progress', updatedAt: daysAgo(1) });
    const done = await fx.task(completed, 'HUB-WP-1-T03', { status: 'done' });
    const before = await fx.taskRow(inProgress);
    let signals = 0;

    const report = await runStaleCleanup(
      ds,
      { pageSize: 2 },
      counting(() => signals++),
    );

    expect(report).toMatchObject({ dry_run: false, stale_after_days: 14, cancelled: 3, flagged: 0, failures: [] });
    expect(signals).toBe(3);
    for (const id of [todo, blocked, inProgress]) {
      const row = await fx.taskRow(id);
      expect(row.status).toBe('cancelled');
      expect(row.completed_at).toBeNull();
    }
    expect((await fx.taskRow(inProgress)).updated_at.getTime()).toBeGreaterThan(before.updated_at.getTime());
    expect((await fx.taskRow(done)).status).toBe('done');

    const events = await fx.outbox();
    expect(events.map((e) => e.id).sort()).toEqual(report.actions.map((a) => a.event_id).sort());
    const byTask = new Map(events.map((e) => [e.attributes['task_id'], e]));
    expect(byTask.get(inProgress)).toMatchObject({
      type: 'org.statehub.task.stale',
      publisher: 'state-hub',
      attributes: {
        task_id: inProgress,
        task_key: 'HUB-WP-2-T01',
        workstream_id: archived,
        repo_slug: 'hub',
        reason: 'workstream_closed',
        action: 'cancelled',
        previous_status: 'in_progress',
      },
    });
    expect(Object.keys(byTask.get(todo)?.attributes ?? {}).sort()).toEqual(
      ['action', 'previous_status', 'reason', 'repo_slug', 'task_id', 'task_key', 'workstream_id'].sort(),
    );
    expect(byTask.get(blocked)?.attributes).toMatchObject({ previous_status: 'blocked', workstream_id: completed });
    expect(report.actions.find((a) => a.task_id === inProgress)).toMatchObject({
      workplan_id: 'HUB-WP-2',
      workstream_status: 'archived',
      inactive_days: 1,
    });
  });

  it("wakes other processes' relays with a NOTIFY only when no relay of its own process publishes", async () => {
    const listener = await listenForNotifications(db.url, OUTBOX_CHANNEL);
    try {
      const repo = await fx.repo('hub');
      const closed = await fx.workstream(repo, 'HUB-WP-1', 'completed');
      await fx.task(closed, 'HUB-WP-1-T01', { status: 'todo' });
      await runStaleCleanup(ds, {}, { committed: () => undefined, relayPublishingHere: () => true });
      await fx.task(closed, 'HUB-WP-1-T02', { status: 'todo' });
      await runStaleCleanup(ds); // no signal: the CLI's or stale-cleanup's own process
      expect(await listener.heard()).toEqual(['']); // the second run's task only
      expect(await fx.outbox()).toHaveLength(2);
    } finally {
      await listener.close();
    }
  });

  it('flags inactive tasks of active workstreams without touching their status or updated_at', async () => {
    const repo = await fx.repo('hub');
    const active = await fx.workstream(repo, 'HUB-WP-3', 'active');
    const stale = await fx.task(active, 'HUB-WP-3-T01', { status: 'in_progress', updatedAt: daysAgo(20) });
    const staleBlocked = await fx.task(active, 'HUB-WP-3-T02', { status: 'blocked', updatedAt: daysAgo(15) });
    const fresh = await fx.task(active, 'HUB-WP-3-T03', { status: 'todo', updatedAt: daysAgo(3) });
    const doneLongAgo = await fx.task(active, 'HUB-WP-3-T04', { status: 'done', updatedAt: daysAgo(90) });
    const before = await fx.taskRow(stale);
    const now = new Date();

    const report = await runStaleCleanup(ds, { now });

    expect(report).toMatchObject({ cancelled: 0, flagged: 2 });
    const after = await fx.taskRow(stale);
    expect(after.status).toBe('in_progress');
    expect(after.updated_at.getTime()).toBe(before.updated_at.getTime());
    expect(after.stale_flagged_at?.getTime()).toBe(now.getTime());
    expect((await fx.taskRow(staleBlocked)).status).toBe('blocked');
    expect((await fx.taskRow(fresh)).stale_flagged_at).toBeNull();
    expect((await fx.taskRow(doneLongAgo)).stale_flagged_at).toBeNull();
    const events = await fx.outbox();
    expect(
      events.map((e) => e.attributes).sort((a, b) => String(a['task_key']).localeCompare(String(b['task_key']))),
    ).toEqual([
      {
        task_id: stale,
        task_key: 'HUB-WP-3-T01',
        workstream_id: active,
        repo_slug: 'hub',
        reason: 'inactive',
        action: 'flagged',
        previous_status: 'in_progress',
      },
      expect.objectContaining({ task_id: staleBlocked, previous_status: 'blocked', action: 'flagged' }),
    ]);
    expect(report.actions.find((a) => a.task_id === stale)).toMatchObject({ inactive_days: 20 });
  });

  it('honours a shorter stale age', async () => {
    const active = await fx.workstream(await fx.repo('hub'), 'HUB-WP-4', 'active');
    await fx.task(active, 'HUB-WP-4-T01', { updatedAt: daysAgo(3) });
    expect((await runStaleCleanup(ds, { staleAfterDays: 14 })).flagged).toBe(0);
    expect((await runStaleCleanup(ds, { staleAfterDays: 2 })).flagged).toBe(1);
  });

  it('leaves tasks of draft and blocked workstreams alone: only active workstreams are flagged', async () => {
    const repo = await fx.repo('hub');
    for (const [plan, status] of [
      ['HUB-WP-5', 'draft'],
      ['HUB-WP-6', 'blocked'],
    ] as const) {
      const ws = await fx.workstream(repo, plan, status);
      await fx.task(ws, `${plan}-T01`, { status: 'in_progress', updatedAt: daysAgo(60) });
    }
    const before = await fx.snapshot();
    expect(await runStaleCleanup(ds)).toMatchObject({ cancelled: 0, flagged: 0, actions: [] });
    expect(await fx.snapshot()).toBe(before);
  });

  it('a dry run reports the same actions as the real run but changes nothing and writes no event', async () => {
    const repo = await fx.repo('hub');
    const closed = await fx.workstream(repo, 'HUB-WP-7', 'completed');
    const active = await fx.workstream(repo, 'HUB-WP-8', 'active');
    await fx.task(closed, 'HUB-WP-7-T01');
    await fx.task(active, 'HUB-WP-8-T01', { updatedAt: daysAgo(30) });
    const now = new Date();
    const before = await fx.snapshot();
    let signals = 0;

    const dry = await runStaleCleanup(
      ds,
      { dryRun: true, now },
      counting(() => signals++),
    );

    expect(dry).toMatchObject({ dry_run: true, cancelled: 1, flagged: 1 });
    expect(dry.actions.every((a) => a.event_id === undefined)).toBe(true);
    expect(signals).toBe(0);
    expect(await fx.snapshot()).toBe(before);
    expect(await fx.outbox()).toEqual([]);

    const real = await runStaleCleanup(ds, { now });
    expect(withoutEventId(real.actions)).toEqual(withoutEventId(dry.actions));
  });

  it('a second run right after the first changes nothing and emits nothing', async () => {
    const repo = await fx.repo('hub');
    await fx.task(await fx.workstream(repo, 'HUB-WP-9', 'archived'), 'HUB-WP-9-T01');
    await fx.task(await fx.workstream(repo, 'HUB-WP-10', 'active'), 'HUB-WP-10-T01', { updatedAt: daysAgo(40) });
    expect(await runStaleCleanup(ds)).toMatchObject({ cancelled: 1, flagged: 1 });
    const after = await fx.snapshot();

    const second = await runStaleCleanup(ds);

    expect(second).toMatchObject({ cancelled: 0, flagged: 0, actions: [] });
    expect(await fx.snapshot()).toBe(after);
  });

  it('flags a task again once it is stale again after an update (a new episode), and only once', async () => {
    const active = await fx.workstream(await fx.repo('hub'), 'HUB-WP-11', 'active');
    const t0 = new Date();
    const task = await fx.task(active, 'HUB-WP-11-T01', { updatedAt: daysAgo(20, t0) });

    expect((await runStaleCleanup(ds, { now: t0 })).flagged).toBe(1);
    expect((await runStaleCleanup(ds, { now: new Date(t0.getTime() + 30 * DAY_MS) })).flagged).toBe(0);
    await fx.touch(task, new Date(t0.getTime() + DAY_MS)); // someone worked on it a day later
    expect((await runStaleCleanup(ds, { now: new Date(t0.getTime() + 10 * DAY_MS) })).flagged).toBe(0);
    const later = new Date(t0.getTime() + 16 * DAY_MS);
    expect((await runStaleCleanup(ds, { now: later })).flagged).toBe(1);
    expect((await runStaleCleanup(ds, { now: new Date(later.getTime() + DAY_MS) })).flagged).toBe(0);

    expect((await fx.taskRow(task)).stale_flagged_at?.getTime()).toBe(later.getTime());
    expect((await fx.outbox()).filter((e) => e.attributes['task_id'] === task)).toHaveLength(2);
  });

  it('two concurrent runs emit each event exactly once', async () => {
    const repo = await fx.repo('hub');
    const closed = await fx.workstream(repo, 'HUB-WP-12', 'completed');
    const active = await fx.workstream(repo, 'HUB-WP-13', 'active');
    for (let i = 0; i < 40; i++) {
      await fx.task(closed, `HUB-WP-12-T${i}`);
      await fx.task(active, `HUB-WP-13-T${i}`, { updatedAt: daysAgo(30) });
    }
    const other = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 4 });
    try {
      const reports = await Promise.all([
        runStaleCleanup(ds, { pageSize: 7 }),
        runStaleCleanup(other, { pageSize: 7 }),
      ]);
      expect(reports[0].cancelled + reports[1].cancelled).toBe(40);
      expect(reports[0].flagged + reports[1].flagged).toBe(40);
    } finally {
      await closeDataSource(other);
    }
    const events = await fx.outbox();
    expect(events).toHaveLength(80);
    expect(new Set(events.map((e) => e.attributes['task_id'])).size).toBe(80);
  });

  describe('when a task cannot be changed', () => {
    const refuse = (condition: string) =>
      ds.query(`
        CREATE FUNCTION refuse_task_update() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF ${condition} THEN RAISE EXCEPTION 'refused by the test trigger'; END IF;
          RETURN NEW;
        END $$;
        CREATE TRIGGER refuse_task_update BEFORE UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION refuse_task_update();`);
    afterEach(() =>
      ds.query(`DROP TRIGGER IF EXISTS refuse_task_update ON tasks; DROP FUNCTION IF EXISTS refuse_task_update();`),
    );

    it('rolls back that task alone, changes the others and reports the failure', async () => {
      const closed = await fx.workstream(await fx.repo('hub'), 'HUB-WP-14', 'completed');
      const ids = [];
      for (const n of [1, 2, 3]) ids.push(await fx.task(closed, `HUB-WP-14-T0${n}`));
      await refuse(`NEW.task_key = 'HUB-WP-14-T02'`);

      const error = await runStaleCleanup(ds).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(StaleCleanupIncompleteError);
      const { report } = error as StaleCleanupIncompleteError;
      expect((error as Error).message).toMatch(/1 task could not be changed \(first: HUB-WP-14-T02 in hub: refused/);
      expect(report.cancelled).toBe(2);
      expect(report.failures).toEqual([
        {
          task_id: ids[1],
          task_key: 'HUB-WP-14-T02',
          repo_slug: 'hub',
          action: 'cancelled',
          message: expect.any(String),
        },
      ]);
      expect((await fx.taskRow(ids[1])).status).toBe('todo');
      expect((await fx.taskRow(ids[0])).status).toBe('cancelled');
      expect((await fx.taskRow(ids[2])).status).toBe('cancelled');
      expect((await fx.outbox()).map((e) => e.attributes['task_id']).sort()).toEqual([ids[0], ids[2]].sort());
    });

    it(`stops after ${MAX_FAILURES_IN_A_ROW} failures in a row`, async () => {
      const closed = await fx.workstream(await fx.repo('hub'), 'HUB-WP-15', 'archived');
      for (let i = 0; i < MAX_FAILURES_IN_A_ROW + 3; i++) await fx.task(closed, `HUB-WP-15-T${i}`);
      await refuse('true');

      const error = await runStaleCleanup(ds).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(StaleCleanupIncompleteError);
      expect((error as StaleCleanupIncompleteError).report.failures).toHaveLength(MAX_FAILURES_IN_A_ROW);
      expect((error as Error).message).toMatch(/stopped after 5 failures in a row/);
      expect(await fx.outbox()).toEqual([]);
    });
  });

  it('refuses a stale age out of range before touching anything', async () => {
    await fx.task(await fx.workstream(await fx.repo('hub'), 'HUB-WP-16', 'completed'), 'HUB-WP-16-T01');
    const before = await fx.snapshot();
    for (const staleAfterDays of [0, 3651, 1.5]) {
      await expect(runStaleCleanup(ds, { staleAfterDays })).rejects.toThrow(StaleCleanupOptionsError);
    }
    await expect(runStaleCleanup(ds, { staleAfterDays: 0 })).rejects.toThrow(
      'staleAfterDays must be an integer between 1 and 3650 (got 0)',
    );
    expect(await fx.snapshot()).toBe(before);
  });
});
