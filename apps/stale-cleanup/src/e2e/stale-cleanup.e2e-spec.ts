// The built job as an operator runs it: output, exit codes, what it changes in
// a real Postgres, and the events it leaves on a real JetStream stream.
import { closeDataSource, openDataSource } from '@state-hub/db';
import {
  createTestDatabase,
  freePort,
  type NatsServer,
  readStream,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { runJob } from '../testing/run-job';
import { daysAgo, seedRepo, seedTask, seedWorkstream, snapshot } from '../testing/seed';

const SUMMARY = /^stale-cleanup: cancelled (\d+), flagged (\d+)( \(dry run: no change\))? in \d+ ms$/;

describe('stale-cleanup job (built app, real Postgres and NATS)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let env: Record<string, string>;
  let ids: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase('statehub_stale_job');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 2 });
    env = { DATABASE_URL: db.url, LOG_LEVEL: 'warn' };
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });

  /** Three tasks to cancel (two closed workstreams), one to flag, and four to leave alone. */
  beforeEach(async () => {
    await ds.query('TRUNCATE event_outbox, tasks, workstreams, repos, domains CASCADE');
    const repo = await seedRepo(ds, 'hub');
    const completed = await seedWorkstream(ds, repo, 'HUB-WP-1', 'completed');
    const archived = await seedWorkstream(ds, repo, 'HUB-WP-2', 'archived');
    const active = await seedWorkstream(ds, repo, 'HUB-WP-3', 'active');
    const draft = await seedWorkstream(ds, repo, 'HUB-WP-4', 'draft');
    ids = {
      c1: await seedTask(ds, completed, 'HUB-WP-1-T01', 'todo', daysAgo(1)),
      c2: await seedTask(ds, completed, 'HUB-WP-1-T02', 'blocked', daysAgo(2)),
      c3: await seedTask(ds, archived, 'HUB-WP-2-T01', 'in_progress', daysAgo(3)),
      f1: await seedTask(ds, active, 'HUB-WP-3-T01', 'in_progress', daysAgo(20)),
      recent: await seedTask(ds, active, 'HUB-WP-3-T02', 'todo', daysAgo(5)),
      done: await seedTask(ds, completed, 'HUB-WP-1-T03', 'done', daysAgo(40)),
      draft: await seedTask(ds, draft, 'HUB-WP-4-T01', 'todo', daysAgo(40)),
    };
  });

  const statusOf = async (id: string) => (await ds.query(`SELECT status FROM tasks WHERE id = $1`, [id]))[0].status;

  it('on a dry run prints what it would do, as lines or as JSON, and changes nothing', async () => {
    const before = await snapshot(ds);

    const dry = await runJob(['--dry-run'], env);

    expect(dry.code).toBe(0);
    expect(dry.lines.slice(0, -1).sort()).toEqual([
      'would cancel HUB-WP-1-T01 (repo hub, workplan HUB-WP-1 completed, was todo)',
      'would cancel HUB-WP-1-T02 (repo hub, workplan HUB-WP-1 completed, was blocked)',
      'would cancel HUB-WP-2-T01 (repo hub, workplan HUB-WP-2 archived, was in_progress)',
      'would flag HUB-WP-3-T01 (repo hub, workplan HUB-WP-3, in_progress, not updated for 20 days)',
    ]);
    expect(dry.lines.at(-1)).toMatch(SUMMARY);
    expect(dry.lines.at(-1)).toMatch(/^stale-cleanup: cancelled 3, flagged 1 \(dry run: no change\) in \d+ ms$/);

    const json = await runJob(['--dry-run', '--json', '--stale-after-days', '3'], env);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ dry_run: true, stale_after_days: 3, cancelled: 3, flagged: 2, failures: [] });
    expect(report.actions.map((a: { task_id: string }) => a.task_id).sort()).toEqual(
      [ids['c1'], ids['c2'], ids['c3'], ids['f1'], ids['recent']].sort(),
    );
    expect(await snapshot(ds)).toBe(before);
  });

  describe('with NATS_URL', () => {
    let nats: NatsServer;
    beforeAll(async () => {
      nats = await startNatsServer();
    });
    afterAll(() => nats?.destroy());

    it('changes the tasks, has every event on ACTIVITY_EVENTS exactly once at exit, and a second run does nothing', async () => {
      const first = await runJob([], { ...env, NATS_URL: nats.url });

      expect(first.code).toBe(0);
      expect(first.lines).toEqual(
        expect.arrayContaining([
          'cancelled HUB-WP-1-T01 (repo hub, workplan HUB-WP-1 completed, was todo)',
          'cancelled HUB-WP-2-T01 (repo hub, workplan HUB-WP-2 archived, was in_progress)',
          'flagged HUB-WP-3-T01 (repo hub, workplan HUB-WP-3, in_progress, not updated for 20 days)',
        ]),
      );
      expect(first.lines).toHaveLength(5);
      expect(first.lines.at(-1)).toMatch(/^stale-cleanup: cancelled 3, flagged 1 in \d+ ms$/);
      for (const id of [ids['c1'], ids['c2'], ids['c3']]) expect(await statusOf(id)).toBe('cancelled');
      for (const id of [ids['f1'], ids['recent'], ids['draft']]) expect(await statusOf(id)).not.toBe('cancelled');

      const outbox: { id: string; published_at: Date | null }[] = await ds.query(
        `SELECT id, published_at FROM event_outbox`,
      );
      expect(outbox).toHaveLength(4);
      expect(outbox.every((row) => row.published_at !== null)).toBe(true);
      const stream = await readStream(nats.url);
      expect(stream.map((e) => e.subject)).toEqual(Array(4).fill('org.statehub.task.stale'));
      expect(stream.map((e) => e.msgId).sort()).toEqual(outbox.map((row) => row.id).sort());
      const flagged = stream.find((e) => (e.envelope['attributes'] as { action: string }).action === 'flagged');
      expect(flagged?.envelope['attributes']).toMatchObject({ task_id: ids['f1'], reason: 'inactive' });

      const before = await snapshot(ds);
      const second = await runJob([], { ...env, NATS_URL: nats.url });
      expect(second.code).toBe(0);
      expect(second.lines).toHaveLength(1);
      expect(second.lines[0]).toMatch(/^stale-cleanup: cancelled 0, flagged 0 in \d+ ms$/);
      expect(await snapshot(ds)).toBe(before);
      expect(await readStream(nats.url)).toHaveLength(4);
    });
  });

  it('still exits 0 when NATS cannot be reached, saying the events wait in the outbox', async () => {
    const closedPort = await freePort();
    const result = await runJob([], {
      ...env,
      NATS_URL: `nats://127.0.0.1:${closedPort}`,
      DRAIN_TIMEOUT_SECONDS: '1',
    });

    expect(result.code).toBe(0);
    expect(result.lines.at(-1)).toMatch(/^stale-cleanup: cancelled 3, flagged 1 in \d+ ms$/);
    expect(result.stderr).toMatch(/4 events of this run remain in the outbox for the API's relay/);
    const [pending] = await ds.query(`SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL`);
    expect(pending.n).toBe(4);
  });

  it.each([
    [['--bogus'], /unknown option '--bogus'/],
    [['--stale-after-days', 'soon'], /--stale-after-days must be an integer between 1 and 3650 \(got "soon"\)/],
    [['--stale-after-days'], /option '--stale-after-days <n>' argument missing/],
  ])('refuses the flag %j with exit 2 and one line naming it, changing nothing', async (args, message) => {
    const before = await snapshot(ds);
    const result = await runJob(args, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^stale-cleanup: /);
    expect(result.stderr).toMatch(message);
    expect(await snapshot(ds)).toBe(before);
  });

  it.each([
    [{ STALE_AFTER_DAYS: '0' }, ['STALE_AFTER_DAYS must be an integer between 1 and 3650 (got 0)']],
    [
      { DRAIN_TIMEOUT_SECONDS: 'long', DATABASE_URL: 'mysql://db/x' },
      [
        'DATABASE_URL must be a postgres:// or postgresql:// URL (got (hidden))',
        'DRAIN_TIMEOUT_SECONDS must be an integer between 0 and 3600 (got "long")',
      ],
    ],
  ])('refuses the settings %j with exit 1 and one line per problem, changing nothing', async (extraEnv, problems) => {
    const before = await snapshot(ds);
    const result = await runJob([], { ...env, ...extraEnv });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(problems.map((p) => `stale-cleanup: ${p}\n`).join(''));
    expect(await snapshot(ds)).toBe(before);
  });

  it('exits 1 with one line when the database cannot be reached', async () => {
    const closedPort = await freePort();
    const result = await runJob([], { DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/statehub` });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toEqual([
      `stale-cleanup: failed: cannot open postgres at 127.0.0.1:${closedPort}/statehub: connect ECONNREFUSED 127.0.0.1:${closedPort}`,
    ]);
  });

  it.each([
    [['--dry-run'], {}],
    [[], { DATABASE_URL: '' }],
  ])(
    'without DATABASE_URL (%j %j) refuses with exit 1 and one line, never touching the embedded database',
    async (args, extraEnv) => {
      const dir = mkdtempSync(join(tmpdir(), 'statehub-stale-embedded-'));
      try {
        const result = await runJob(args, { STATE_HUB_DATA_DIR: join(dir, 'db'), LOG_LEVEL: 'warn', ...extraEnv });
        expect(result.code).toBe(1);
        expect(result.stdout).toBe('');
        expect(result.stderr).toBe(
          'stale-cleanup: DATABASE_URL is not set: the embedded database belongs to the running hub — ' +
            'call POST /maintenance/stale-cleanup on it instead (or set DATABASE_URL)\n',
        );
        expect(readdirSync(dir)).toEqual([]); // the hub's PGlite folder was not opened (nor created)
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
