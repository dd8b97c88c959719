// Two engines on one durable consumer share the work: each event runs once in
// total, each cron slot runs once, and slots missed while no engine ran are recorded.
import {
  createTestDatabase,
  DefinitionFiles,
  eventually,
  type HttpSink,
  type NatsServer,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { Client } from 'pg';
import { MISSED_REASON, OVERLAP_REASON } from '../cron/cron-scheduler.service';
import { EventSource } from '../testing/event-source';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

describe('event-consumer: replicas and cron (Postgres + own nats-server)', () => {
  let db: TestDatabase;
  let nats: NatsServer;
  let sink: HttpSink;
  let files: DefinitionFiles;
  let source: EventSource;
  let pg: Client;
  const engines: TestEngine[] = [];

  const runs = async (definition: string) =>
    (
      await pg.query<{ trigger_key: string; status: string; skip_reason: string | null; replica: string }>(
        'SELECT trigger_key, status, skip_reason, replica FROM activity_runs WHERE definition_id = $1 ORDER BY trigger_key',
        [definition],
      )
    ).rows;

  beforeAll(async () => {
    [db, nats, sink] = await Promise.all([createTestDatabase(), startNatsServer(), startHttpSink()]);
    files = new DefinitionFiles();
    files.write(
      'count.yaml',
      `id: test.count\ntrigger: { trigger_type: event, event_type: org.test.item.queued }\ninstruction: { kind: http, method: POST, url: '${sink.url}/count/{{ event.attributes.n }}' }\n`,
    );
    files.write(
      'tick.yaml',
      `id: test.tick\ntrigger: { trigger_type: cron, cron_expression: '0 3 * * *', catchup_window: 2h }\ninstruction: { kind: http, method: POST, url: '${sink.url}/tick' }\n`,
    );
    files.write(
      'long.yaml',
      `id: test.long\ntrigger: { trigger_type: cron, cron_expression: '0 4 * * *' }\ninstruction: { kind: shell, cmd: 'sleep 2', timeout_seconds: 10 }\n`,
    );
    pg = new Client({ connectionString: db.url });
    for (const replica of ['a', 'b']) {
      engines.push(
        await startTestEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir, replica }),
      );
    }
    await pg.connect();
    source = await EventSource.connect(nats.url);
  });

  afterAll(async () => {
    await source?.close();
    await pg?.end();
    await Promise.all(engines.map((e) => e.close()));
    await Promise.all([sink?.close(), nats?.destroy(), db?.drop()]);
    files?.remove();
  });

  it('two engines on one durable run each event exactly once', async () => {
    for (let n = 0; n < 20; n++) await source.publish(source.envelope('org.test.item.queued', { n }));
    await eventually(async () => expect(await runs('test.count')).toHaveLength(20), { timeoutMs: 20_000 });
    await eventually(async () => expect(await source.pending('ACTIVITY_EVENTS', 'activity-engine')).toBe(0));
    expect(sink.requests.filter((r) => r.url.startsWith('/count/'))).toHaveLength(20);
  });

  it('a cron slot fired by both engines runs once', async () => {
    const slot = new Date('2026-01-05T03:00:00Z');
    const [a, b] = engines.map((e) => e.definitions.find('test.tick'));
    if (!a || !b) throw new Error('test.tick is not loaded on both engines');
    await Promise.all([engines[0].cron.tick(a, slot), engines[1].cron.tick(b, slot)]);
    const recorded = (await runs('test.tick')).filter((r) => r.trigger_key === `cron:${slot.toISOString()}`);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].status).toBe('succeeded');
    expect(sink.requests.filter((r) => r.url === '/tick')).toHaveLength(1);
  });

  it('a slot that arrives while the previous run is active is recorded as skipped (overlap)', async () => {
    const long = engines[0].definitions.find('test.long');
    if (!long) throw new Error('test.long is not loaded');
    const first = engines[0].cron.tick(long, new Date('2026-01-05T04:00:00Z'));
    await eventually(async () => expect((await runs('test.long')).map((r) => r.status)).toContain('running'));
    await engines[1].cron.tick(long, new Date('2026-01-06T04:00:00Z'));
    await first;
    expect((await runs('test.long')).map((r) => [r.status, r.skip_reason])).toEqual([
      ['succeeded', null],
      ['skipped', OVERLAP_REASON],
    ]);
  });

  it('a run left running past its deadline (its replica died) is swept to abandoned', async () => {
    await pg.query(
      `INSERT INTO activity_runs (definition_id, definition_hash, trigger_kind, trigger_key, status, deadline_at)
       VALUES ('test.count', 'h', 'event', 'crashed-1', 'running', now() - interval '1 minute')`,
    );
    expect(await engines[0].sweeper.sweep()).toBe(1);
    expect((await runs('test.count')).find((r) => r.trigger_key === 'crashed-1')?.status).toBe('abandoned');
  });

  it.each([
    // [label, now]: the engine comes back 1 h after the 03:00 slot (inside the 2 h catch-up window), or 5 h after
    ['inside the catch-up window', '2026-02-13T04:00:00Z', 2],
    ['outside the catch-up window', '2026-03-13T08:00:00Z', 3],
  ])('on start, missed slots are recorded (%s)', async (_label, nowIso, skipped) => {
    const now = new Date(nowIso);
    const lastFired = new Date(now.getTime() - 3 * 86_400_000 - 3_600_000); // three daily slots missed
    await pg.query('DELETE FROM activity_runs WHERE definition_id = $1', ['test.tick']);
    await pg.query("UPDATE cron_schedule_state SET last_slot_at = $1 WHERE definition_id = 'test.tick'", [lastFired]);
    const tick = engines[0].definitions.find('test.tick');
    if (!tick?.cron) throw new Error('test.tick is not loaded as a cron definition');
    const latest = tick.cron.slotsBetween(lastFired, now, 10).at(-1);
    await engines[0].cron.catchUp(tick, now);
    const recorded = await runs('test.tick');
    expect(recorded.filter((r) => r.skip_reason === MISSED_REASON)).toHaveLength(skipped);
    expect(recorded.filter((r) => r.status === 'succeeded')).toHaveLength(3 - skipped);
    const state = await pg.query("SELECT last_slot_at FROM cron_schedule_state WHERE definition_id = 'test.tick'");
    expect(new Date(state.rows[0].last_slot_at).toISOString()).toBe(latest?.toISOString());
  });
});
