// The write side against real Postgres: which writes wake other processes' relays (NOTIFY on commit), and a
// state change made in one statement with its event (changeWithEvent).
import { closeDataSource, openDataSource } from '@state-hub/db';
import { createEnvelope } from '@state-hub/envelope';
import {
  createTestDatabase,
  listenForNotifications,
  type NotificationListener,
  type TestDatabase,
} from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { appendToOutbox, changeWithEvent, OUTBOX_CHANNEL } from './outbox-writer';

/** An OutboxSignal as a writer sees it: whether a relay of this process is publishing. */
const relayHere = { relayPublishingHere: () => true };
const noRelayHere = { relayPublishingHere: () => false };
const event = (n: number) => createEnvelope({ type: 'org.test.thing.happened', publisher: 'test', attributes: { n } });

describe('outbox writer (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let listener: NotificationListener;

  beforeAll(async () => {
    db = await createTestDatabase('statehub_outbox_writer');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 2 });
    await ds.query('CREATE TABLE things (id int PRIMARY KEY, label text NOT NULL)');
    await ds.query(`INSERT INTO things VALUES (1, 'one')`);
    listener = await listenForNotifications(db.url, OUTBOX_CHANNEL);
  });
  afterAll(async () => {
    await listener?.close();
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });
  beforeEach(async () => {
    await ds.query('DELETE FROM event_outbox');
    listener.clear();
  });

  const notifications = () => listener.heard();

  const outboxIds = async () =>
    ((await ds.query('SELECT id FROM event_outbox ORDER BY created_at')) as { id: string }[]).map((r) => r.id);

  it("sends a NOTIFY on commit unless the writer's signal says a relay of its process takes the row", async () => {
    const [quiet, loud, alone] = [event(1), event(2), event(6)];
    await ds.transaction((m) => appendToOutbox(m, quiet, { outbox: relayHere }));
    await ds.transaction((m) => appendToOutbox(m, loud, { outbox: noRelayHere }));
    await ds.transaction((m) => appendToOutbox(m, alone)); // no signal: a CLI run, say
    expect(await notifications()).toEqual(['', '']); // the second and third writes'
    expect(await outboxIds()).toEqual([quiet.id, loud.id, alone.id]);
  });

  it('changes a row and records its event in one statement, or neither when nothing matched', async () => {
    const change = (id: number, label: string) => ({
      sql: 'UPDATE things SET label = $2 WHERE id = $1 RETURNING id, label',
      params: [id, label],
    });
    const hit = event(3);
    expect(await changeWithEvent(ds.manager, change(1, 'uno'), hit)).toEqual([{ id: 1, label: 'uno' }]);
    expect(await changeWithEvent(ds.manager, change(42, 'none'), event(4))).toEqual([]);
    const quiet = event(5);
    expect(await changeWithEvent(ds.manager, change(1, 'eins'), quiet, { outbox: relayHere })).toHaveLength(1);

    expect(await outboxIds()).toEqual([hit.id, quiet.id]);
    const [row] = await ds.query(`SELECT subject, envelope FROM event_outbox WHERE id = $1`, [hit.id]);
    expect(row).toEqual({ subject: 'org.test.thing.happened', envelope: JSON.parse(JSON.stringify(hit)) });
    expect(await ds.query('SELECT label FROM things WHERE id = 1')).toEqual([{ label: 'eins' }]);
    expect(await notifications()).toEqual(['']); // the first change's only
  });

  it('leaves both the change and the event out when the event cannot be written', async () => {
    const taken = event(6);
    await ds.transaction((m) => appendToOutbox(m, taken));
    const change = { sql: `UPDATE things SET label = 'dup' WHERE id = 1 RETURNING id`, params: [] };
    await expect(changeWithEvent(ds.manager, change, taken)).rejects.toThrow(/duplicate key/);
    expect(await ds.query('SELECT label FROM things WHERE id = 1')).not.toEqual([{ label: 'dup' }]);
    expect(await outboxIds()).toEqual([taken.id]);
  });
});
