// Claims against real Postgres: concurrent relays never share a row, leases
// expire, failures back off, and only published rows are pruned.
import { openDataSource, closeDataSource } from '@state-hub/db';
import { createEnvelope } from '@state-hub/envelope';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { outboxDbFromDataSource } from './outbox-db';
import { OutboxStore } from './outbox-store';
import { appendToOutbox } from './outbox-writer';
import { retryDelayMs } from './outbox-relay';

describe('OutboxStore (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let store: OutboxStore;

  const add = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const envelope = createEnvelope({ type: 'org.test.thing.happened', publisher: 'test', attributes: { n: i } });
      await ds.transaction((m) => appendToOutbox(m, envelope));
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase('statehub_outbox');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 4 });
    store = new OutboxStore(outboxDbFromDataSource(ds));
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });
  beforeEach(() => ds.query('DELETE FROM event_outbox'));

  it('gives two concurrent relays disjoint rows', async () => {
    await add(100);
    const [a, b] = await Promise.all([store.claim(60, 30_000), store.claim(60, 30_000)]);
    const ids = [...a, ...b].map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(100);
    expect(await store.claim(60, 30_000)).toEqual([]); // all leased
  });

  it('keeps a row leased while its delivery is worked on, and frees every lease after a restart', async () => {
    await add(2);
    const [first, second] = await store.claim(10, 200);
    await store.extendLease(first.id, 60_000);
    await new Promise((r) => setTimeout(r, 300));
    expect((await store.claim(10, 200)).map((r) => r.id)).toEqual([second.id]); // only the lapsed lease is free
    expect(await store.releaseLeases()).toBe(2);
    expect((await store.claim(10, 30_000)).map((r) => r.id)).toEqual([first.id, second.id]);
  });

  it('inserts an event once when asked to (a retried publish of the same id)', async () => {
    const envelope = createEnvelope({ type: 'org.test.thing.happened', publisher: 'test', attributes: {} });
    expect(await ds.transaction((m) => appendToOutbox(m, envelope, { ifAbsent: true }))).toBe(true);
    expect(await ds.transaction((m) => appendToOutbox(m, envelope, { ifAbsent: true }))).toBe(false);
    expect(await store.pendingCount()).toBe(1);
  });

  it('claims in commit order', async () => {
    await add(30);
    const rows = await store.claim(30, 30_000);
    expect(rows.map((r) => (r.envelope['attributes'] as { n: number }).n)).toEqual([...Array(30).keys()]);
  });

  it('hands a row to another relay once its lease has run out', async () => {
    await add(1);
    expect(await store.claim(10, 1)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    expect(await store.claim(10, 30_000)).toHaveLength(1);
  });

  it('backs a failed row off and records the error', async () => {
    await add(1);
    const [row] = await store.claim(10, 30_000);
    await store.markFailed(row.id, 'no responders', 60_000);
    expect(await store.claim(10, 30_000)).toEqual([]);
    const stats = await store.stats();
    expect(stats).toMatchObject({ pending: 1, published_last_hour: 0 });
    expect(stats.last_error).toMatchObject({ event_id: row.id, message: 'no responders', attempts: 1 });
  });

  it('marks published rows and prunes only those past retention', async () => {
    await add(3);
    const rows = await store.claim(10, 30_000);
    await store.markPublished(rows.slice(0, 2).map((r) => r.id));
    expect(await store.pendingCount()).toBe(1);
    expect(await store.prunePublished(60_000)).toBe(0); // too young
    await ds.query(`UPDATE event_outbox SET published_at = now() - interval '2 hours' WHERE published_at IS NOT NULL`);
    // A mark retried after its first answer was lost leaves the row as the first one marked it.
    await store.markPublished(rows.slice(0, 2).map((r) => r.id));
    expect(await store.prunePublished(3600_000)).toBe(2);
    expect(await store.pendingCount()).toBe(1);
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base, is capped, and jitters by at most 20 %', () => {
    const mid = () => 0.5;
    expect(retryDelayMs(0, 500, 60_000, mid)).toBe(500);
    expect(retryDelayMs(3, 500, 60_000, mid)).toBe(4000);
    expect(retryDelayMs(30, 500, 60_000, mid)).toBe(60_000);
    expect(retryDelayMs(2, 500, 60_000, () => 0)).toBe(1600);
    expect(retryDelayMs(2, 500, 60_000, () => 1)).toBe(2400);
  });
});
