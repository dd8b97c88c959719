// The `publish` instruction without NATS, on a real Postgres: the event lands in
// the outbox once per msgId (a retried publish is a duplicate), and wakes the relay.
import { closeDataSource, openDataSource } from '@state-hub/db';
import { createEnvelope } from '@state-hub/envelope';
import { OutboxSignal } from '@state-hub/outbox';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { OutboxEventPublisher } from './outbox-event-publisher';

describe('OutboxEventPublisher (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('engine_outbox_publisher');
    ds = await openDataSource({ url: db.url, dataDir: 'unused' });
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });

  it('stores the event once per msgId and signals the commit once', async () => {
    const signal = new OutboxSignal();
    let woken = 0;
    signal.onCommit(() => woken++);
    const publisher = new OutboxEventPublisher(ds, signal);
    const event = () =>
      createEnvelope({ type: 'org.tests.thing.happened', publisher: 'activity-engine', attributes: { n: 1 } });

    const first = await publisher.publish(event(), 'activity-run:r-1');
    const retried = await publisher.publish(event(), 'activity-run:r-1'); // a new envelope, the same run
    const other = await publisher.publish(event(), 'activity-run:r-2');

    expect(first).toMatchObject({ stream: 'outbox', duplicate: false });
    expect(retried).toEqual({ ...first, duplicate: true });
    expect(other.event_id).not.toBe(first.event_id);
    const rows = await ds.query(
      `SELECT id, subject, envelope->>'id' AS envelope_id FROM event_outbox ORDER BY created_at`,
    );
    expect(rows).toEqual([
      { id: first.event_id, subject: 'org.tests.thing.happened', envelope_id: first.event_id },
      { id: other.event_id, subject: 'org.tests.thing.happened', envelope_id: other.event_id },
    ]);
    expect(woken).toBe(2);
  });
});
