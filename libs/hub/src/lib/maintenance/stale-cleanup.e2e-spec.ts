// POST /maintenance/stale-cleanup: the HTTP face of the stale-task cleanup, as an
// activity definition calls it — token, body validation, report, events.
import { readStream, startNatsServer, eventually, type NatsServer } from '@state-hub/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';

const TOKEN = 'maintenance-token-0123456789';
const DAY_MS = 24 * 3600_000;
const URL = '/maintenance/stale-cleanup';

/** One open task in a completed workstream, one long-idle task in an active one. */
async function seed(ds: DataSource): Promise<{ toCancel: string; toFlag: string }> {
  const [domain] = await ds.query(`INSERT INTO domains (slug, name) VALUES ('custodian', 'Custodian') RETURNING id`);
  const [repo] = await ds.query(`INSERT INTO repos (slug, name, domain_id) VALUES ('hub', 'Hub', $1) RETURNING id`, [
    domain.id,
  ]);
  const workstream = async (plan: string, status: string) =>
    (
      await ds.query(
        `INSERT INTO workstreams (repo_id, workplan_id, title, status) VALUES ($1, $2, 'W', $3) RETURNING id`,
        [repo.id, plan, status],
      )
    )[0].id;
  const task = async (ws: string, key: string, updatedAt: Date) =>
    (
      await ds.query(
        `INSERT INTO tasks (workstream_id, task_key, title, status, updated_at)
         VALUES ($1, $2, 'T', 'in_progress', $3) RETURNING id`,
        [ws, key, updatedAt],
      )
    )[0].id;
  return {
    toCancel: await task(await workstream('HUB-WP-1', 'completed'), 'HUB-WP-1-T01', new Date()),
    toFlag: await task(await workstream('HUB-WP-2', 'active'), 'HUB-WP-2-T01', new Date(Date.now() - 30 * DAY_MS)),
  };
}

async function snapshot(ds: DataSource): Promise<string> {
  const rows = await Promise.all(
    ['tasks', 'event_outbox'].map((table) =>
      ds.query(`SELECT md5(COALESCE(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${table} x`),
    ),
  );
  return rows.map((r) => r[0].h).join('|');
}

describe('POST /maintenance/stale-cleanup (real Postgres)', () => {
  let t: TestApp;
  let ds: DataSource;
  let ids: { toCancel: string; toFlag: string };
  const post = () => t.http().post(URL).set('authorization', `Bearer ${TOKEN}`);

  beforeAll(async () => {
    t = await startTestApp({ env: { STATE_HUB_API_TOKEN: TOKEN } });
    ds = t.app.get(DataSource);
  });
  afterAll(() => t?.close());
  beforeEach(async () => {
    await ds.query('TRUNCATE event_outbox, tasks, workstreams, repos, domains CASCADE');
    ids = await seed(ds);
  });

  it('needs the bearer token and changes nothing without it', async () => {
    const before = await snapshot(ds);
    const res = await t.http().post(URL).send({});
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/missing bearer token/);
    expect(await snapshot(ds)).toBe(before);
  });

  it('cancels and flags, answering the report; the events are in the outbox; a second call does nothing', async () => {
    const res = await post().send({}).expect(200);

    expect(res.body).toMatchObject({ dry_run: false, stale_after_days: 14, cancelled: 1, flagged: 1, failures: [] });
    expect(res.body.actions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ task_id: ids.toCancel, action: 'cancelled', reason: 'workstream_closed' }),
        expect.objectContaining({ task_id: ids.toFlag, action: 'flagged', reason: 'inactive', inactive_days: 30 }),
      ]),
    );
    const tasks = await t.http().get(`/tasks/${ids.toCancel}`).expect(200);
    expect(tasks.body.status).toBe('cancelled');
    const outbox: { id: string; subject: string }[] = await ds.query(`SELECT id, subject FROM event_outbox`);
    expect(outbox.map((e) => e.subject)).toEqual(['org.statehub.task.stale', 'org.statehub.task.stale']);
    expect(outbox.map((e) => e.id).sort()).toEqual(
      res.body.actions.map((a: { event_id: string }) => a.event_id).sort(),
    );

    const again = await post().expect(200); // no body at all: every field has a default
    expect(again.body).toMatchObject({ cancelled: 0, flagged: 0, actions: [] });
    expect(await ds.query(`SELECT id FROM event_outbox`)).toHaveLength(2);
  });

  it('on a dry run answers what it would do and changes nothing', async () => {
    const before = await snapshot(ds);
    const res = await post().send({ dry_run: true, stale_after_days: 60 }).expect(200);
    expect(res.body).toMatchObject({ dry_run: true, stale_after_days: 60, cancelled: 1, flagged: 0 });
    expect(res.body.actions[0]).not.toHaveProperty('event_id');
    expect(await snapshot(ds)).toBe(before);
  });

  it.each([
    [{ dry_run: 'yes' }, 'dry_run', /dry_run must be true or false/],
    [{ dry_run: null }, 'dry_run', /dry_run must be true or false/],
    [{ stale_after_days: 0 }, 'stale_after_days', /stale_after_days must be an integer between 1 and 3650/],
    [{ stale_after_days: 3651 }, 'stale_after_days', /between 1 and 3650/],
    [{ stale_after_days: 2.5 }, 'stale_after_days', /must be an integer/],
    [{ stale_after_days: '7' }, 'stale_after_days', /must be an integer/],
    [{ dry_run: true, force: true }, 'force', /force is not a known field/],
  ])('refuses %j with 400 naming %s, changing nothing', async (body, field, message) => {
    const before = await snapshot(ds);
    const res = await post().send(body);
    expect(res.status).toBe(400);
    expect(res.body.field).toBe(field);
    expect(res.body.message).toMatch(message);
    expect(await snapshot(ds)).toBe(before);
  });
});

describe('POST /maintenance/stale-cleanup on the embedded database, with NATS', () => {
  let nats: NatsServer;
  let dir: string;
  let t: TestApp | undefined;
  beforeAll(async () => {
    nats = await startNatsServer();
    dir = mkdtempSync(join(tmpdir(), 'statehub-stale-api-'));
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('wakes the relay so the events reach the stream at once, not at the next poll', async () => {
    // A one-minute poll: only the wake-up after each committed change can publish within the test.
    t = await startTestApp({
      embedded: true,
      env: { STATE_HUB_DATA_DIR: dir, NATS_URL: nats.url, OUTBOX_POLL_MS: '60000' },
    });
    const ds = t.app.get(DataSource);
    const ids = await seed(ds);
    await eventually(async () => expect((await t?.http().get('/state/health'))?.body.nats).toBe('up'));

    const res = await t.http().post(URL).send({}).expect(200);
    expect(res.body).toMatchObject({ cancelled: 1, flagged: 1 });

    const events = await eventually(
      async () => {
        const stored = await readStream(nats.url);
        expect(stored).toHaveLength(2);
        return stored;
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(events.map((e) => (e.envelope['attributes'] as { task_id: string }).task_id).sort()).toEqual(
      [ids.toCancel, ids.toFlag].sort(),
    );
  });
});
