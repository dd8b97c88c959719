// The relay's drain against real Postgres, with a publisher that records what it is given (the JetStream side is
// covered by the hub's e2e and chaos suites): a backlog goes out in commit order, each batch claimed while the one
// before it publishes, and rows claimed as NATS went away are handed back instead of failing into backoff.
import { closeDataSource, openDataSource } from '@state-hub/db';
import { createEnvelope } from '@state-hub/envelope';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { outboxDbFromDataSource } from './outbox-db';
import { DEFAULT_RELAY_OPTIONS, OutboxRelay, type RelayPublisher } from './outbox-relay';
import { OutboxStore } from './outbox-store';
import { appendToOutbox } from './outbox-writer';

const quiet = { log: () => undefined, warn: () => undefined, error: () => undefined };

/** Publishes by recording; `trace` gets 'publish' per row, and the store below adds 'claim' per claim. */
class RecordingPublisher implements RelayPublisher {
  ready = true;
  readonly published: string[] = [];
  constructor(
    private readonly trace: string[],
    private readonly goDownAfter = Infinity,
    private readonly delayMs = 1,
  ) {}
  async publish(_subject: string, _data: Uint8Array, msgId: string): Promise<{ duplicate: boolean }> {
    await new Promise((r) => setTimeout(r, this.delayMs));
    this.trace.push('publish');
    this.published.push(msgId);
    if (this.published.length >= this.goDownAfter) this.ready = false;
    return { duplicate: false };
  }
}

describe('OutboxRelay.drain (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let trace: string[];
  let store: OutboxStore;

  beforeAll(async () => {
    db = await createTestDatabase('statehub_outbox_relay');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 4 });
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });
  beforeEach(async () => {
    await ds.query('DELETE FROM event_outbox');
    trace = [];
    store = new OutboxStore(outboxDbFromDataSource(ds));
    const claim = store.claim.bind(store);
    store.claim = async (limit, leaseMs) => {
      trace.push('claim');
      return claim(limit, leaseMs);
    };
  });

  const add = async (n: number): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const envelope = createEnvelope({ type: 'org.test.thing.happened', publisher: 'test', attributes: { i } });
      await ds.transaction((m) => appendToOutbox(m, envelope, { outbox: { relayPublishingHere: () => true } }));
      ids.push(envelope.id);
    }
    return ids;
  };
  const relay = (publisher: RelayPublisher, leaseMs = DEFAULT_RELAY_OPTIONS.leaseMs) =>
    new OutboxRelay(store, publisher, quiet, { ...DEFAULT_RELAY_OPTIONS, batchSize: 4, leaseMs });
  const unpublished = (): Promise<Array<{ id: string; claimed_until: Date | null }>> =>
    ds.query(`SELECT id, claimed_until FROM event_outbox WHERE published_at IS NULL ORDER BY created_at`);

  it('drains a backlog in commit order, claiming each full batch’s successor while it publishes', async () => {
    const ids = await add(10);
    const publisher = new RecordingPublisher(trace);
    expect(await relay(publisher).drain()).toBe(10);
    expect(publisher.published).toEqual(ids);
    // Batches of 4, 4 and 2: the second and third claims start before the batch ahead of them is published.
    expect(trace.join(' ')).toBe(
      ['claim', 'claim', ...Array(4).fill('publish'), 'claim', ...Array(6).fill('publish')].join(' '),
    );
    expect(await store.pendingCount()).toBe(0);
  });

  it('hands back the rows it claimed as NATS went away, without counting an attempt', async () => {
    const ids = await add(8);
    const publisher = new RecordingPublisher(trace, 4); // down once the first batch is out
    expect(await relay(publisher).drain()).toBe(4);
    expect(publisher.published).toEqual(ids.slice(0, 4));
    const rest: Array<{ id: string; attempts: number; claimed_until: Date | null; last_error: string | null }> =
      await ds.query(
        `SELECT id, attempts, claimed_until, last_error FROM event_outbox WHERE published_at IS NULL ORDER BY created_at`,
      );
    expect(rest).toEqual(ids.slice(4).map((id) => ({ id, attempts: 0, claimed_until: null, last_error: null })));
    // Due again at once: another relay (or this one, once NATS is back) takes them now, not after the lease.
    expect((await store.claim(10, 30_000)).map((row) => row.id)).toEqual(ids.slice(4));
  });

  it('claims afresh behind a batch that outlasted half the lease, so no row goes out twice', async () => {
    const ids = await add(12);
    // Each batch takes 400 ms against a 300 ms lease: the batch claimed behind it has lost its lease by then, and
    // the claim made while it publishes would take its rows again.
    const publisher = new RecordingPublisher(trace, Infinity, 400);
    expect(await relay(publisher, 300).drain()).toBe(12);
    expect(publisher.published).toEqual(ids);
    expect(await unpublished()).toEqual([]);
  });

  it('hands back the batch claimed behind one whose marking failed', async () => {
    const ids = await add(8);
    store.markPublished = async () => {
      throw new Error('connection lost');
    };
    await expect(relay(new RecordingPublisher(trace)).drain()).rejects.toThrow('connection lost');
    // The first batch keeps its lease (published, not marked: the stream drops it as a duplicate when it goes out
    // again); the second, claimed behind it and never published, is due again at once.
    const rows = await unpublished();
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows.map((row) => row.claimed_until === null)).toEqual([...Array(4).fill(false), ...Array(4).fill(true)]);
  });

  it('settles what it owes once the database is back: marks what it published, hands back what it claimed', async () => {
    const ids = await add(8);
    const { markPublished, release } = store;
    const down = async () => {
      throw new Error('connection lost');
    };
    store.markPublished = down;
    store.release = down;
    const publisher = new RecordingPublisher(trace);
    const relayHere = relay(publisher);
    await expect(relayHere.drain()).rejects.toThrow('connection lost');
    expect((await unpublished()).every((row) => row.claimed_until !== null)).toBe(true); // all 8 leased
    store.markPublished = markPublished;
    store.release = release;
    // The next pass marks the first four (not published again) and takes the other four at once, not after the
    // 30 s lease.
    expect(await relayHere.drain()).toBe(4);
    expect(publisher.published).toEqual(ids);
    expect(await unpublished()).toEqual([]);
  });

  it('marks what it published even when recording a failed publish fails, and records that failure later', async () => {
    const ids = await add(4);
    const failing = new (class extends RecordingPublisher {
      override async publish(subject: string, data: Uint8Array, msgId: string) {
        if (msgId === ids[1]) throw new Error('no responders');
        return super.publish(subject, data, msgId);
      }
    })(trace);
    const { markFailed } = store;
    store.markFailed = async () => {
      throw new Error('connection lost');
    };
    const relayHere = relay(failing);
    await expect(relayHere.drain()).rejects.toThrow('connection lost');
    expect((await unpublished()).map((row) => row.id)).toEqual([ids[1]]); // the other three are marked
    store.markFailed = markFailed;
    expect(await relayHere.drain()).toBe(0); // the failure is recorded; its backoff keeps the row for later
    const [row]: Array<{ attempts: number; last_error: string; claimed_until: Date | null }> = await ds.query(
      'SELECT attempts, last_error, claimed_until FROM event_outbox WHERE id = $1',
      [ids[1]],
    );
    expect(row).toEqual({ attempts: 1, last_error: 'no responders', claimed_until: null });
  });
});
