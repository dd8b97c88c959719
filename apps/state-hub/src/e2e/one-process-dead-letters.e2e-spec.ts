// Dead letters without NATS (the built `npm start` on Postgres): kept in the
// dead_letters table, listed and shown under /engine/, redriven through the
// outbox — each definition runs once per event however often it comes back, and
// a message that fails again is a new letter that keeps its redrive count.
import {
  type BuiltApp,
  createTestDatabase,
  type DefinitionFiles,
  eventually,
  type HttpSink,
  startBuiltSystem,
  startHttpSink,
  type TestDatabase,
} from '@state-hub/testing';
import { createEnvelope } from '@state-hub/envelope';
import { Client } from 'pg';
import { definitionsDir, runsOf, sinkOnEvent } from '../testing/system-fixture';

const SUBJECT = 'org.test.redrive.happened';
const DEFINITIONS = ['test.redrive-a', 'test.redrive-b'];
const OUTAGE = 'handler failed on all 5 deliveries; last error: recording runs failed for 2 definition(s)';

interface Letter {
  id: string;
  delivery: string;
  original_subject: string;
  redrive_count: number;
  payload_preview: string;
}
interface Redrive {
  items: { id: string; outcome: string; redrive_count: number | null; republished_as: string | null }[];
  counts: Record<string, number>;
}

describe('one process without NATS: dead letters redriven through the outbox (Postgres)', () => {
  let sink: HttpSink;
  let defs: DefinitionFiles;
  let db: TestDatabase;
  let app: BuiltApp;
  let pg: Client;
  const letters = async (query = '') =>
    (await app.json<{ items: Letter[]; delivery: string }>('GET', `/engine/dead-letters${query}`)).items;
  const redrive = (body: object) => app.json<Redrive>('POST', '/engine/dead-letters/redrive', body);

  beforeAll(async () => {
    sink = await startHttpSink();
    defs = definitionsDir(
      [],
      Object.fromEntries(DEFINITIONS.map((id) => [`${id}.yaml`, sinkOnEvent(id, SUBJECT, `/${id}`)])),
    );
    db = await createTestDatabase('statehub_system_redrive');
    app = await startBuiltSystem({ databaseUrl: db.url, definitionsDir: defs.dir, env: { SINK_URL: sink.url } });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg?.end();
    await app?.stop();
    await db?.drop();
    await sink?.close();
    defs?.remove();
  });

  it('keeps an uninterpretable event as a letter; redriven unfixed, it comes back with its count', async () => {
    await pg.query(
      `INSERT INTO event_outbox (id, subject, envelope) VALUES (gen_random_uuid(), $1, '"just a string"')`,
      [SUBJECT],
    );
    const [letter] = await eventually(async () => {
      const found = await letters(`?subject=${SUBJECT}`);
      expect(found).toHaveLength(1);
      return found;
    });
    expect(letter).toMatchObject({ delivery: 'outbox', redrive_count: 0, payload_preview: '"just a string"' });
    const shown = await app.json<{ payload_text: string; source: string }>('GET', `/engine/dead-letters/${letter.id}`);
    expect(shown.payload_text).toBe('"just a string"');
    expect(shown.source).toMatch(/^outbox:[0-9a-f-]{36}$/);

    const done = await redrive({ ids: [letter.id], redriven_by: 'tester' });
    expect(done.items).toEqual([
      expect.objectContaining({ id: letter.id, outcome: 'redriven', redrive_count: 1, republished_as: shown.source }),
    ]);
    const again = await eventually(async () => {
      const found = await letters(`?subject=${SUBJECT}`);
      expect(found.map((l) => [l.id === letter.id, l.redrive_count])).toEqual([[false, 1]]);
      return found[0];
    });
    await app.json('GET', `/engine/dead-letters/${letter.id}`, undefined, 404);
    const { rows } = await pg.query(
      'SELECT letter_id, source_key, redriven_by, redrive_number FROM dead_letter_redrives',
    );
    expect(rows).toEqual([
      { letter_id: letter.id, source_key: shown.source, redriven_by: 'tester', redrive_number: 1 },
    ]);
    // out of the way of the next test
    await pg.query('DELETE FROM dead_letters WHERE id = $1', [again.id]);
  });

  it('redrives a letter an outage left into one run per definition, and a second letter of it into none', async () => {
    // As an outage leaves it: the event delivered (published) five times, then kept as a letter.
    const event = createEnvelope({ type: SUBJECT, publisher: 'test', attributes: { n: 1 } });
    await pg.query(
      `INSERT INTO event_outbox (id, subject, envelope, attempts, published_at) VALUES ($1, $2, $3, 5, now())`,
      [event.id, SUBJECT, JSON.stringify(event)],
    );
    const insertLetter = () =>
      pg.query(
        `INSERT INTO dead_letters (source_key, original_subject, reason, payload, delivery_count)
         VALUES ($1, $2, $3, $4, 5) RETURNING id`,
        [`outbox:${event.id}`, SUBJECT, OUTAGE, Buffer.from(JSON.stringify(event))],
      );
    const first = (await insertLetter()).rows[0].id as string;

    const dry = await redrive({ filter: { reason: 'RECORDING RUNS' }, dry_run: true });
    expect(dry.items).toEqual([expect.objectContaining({ id: first, outcome: 'would_redrive', redrive_count: 1 })]);
    expect(await runsOf(app, DEFINITIONS[0])).toEqual([]);

    const done = await redrive({ filter: { reason: 'recording runs' } });
    expect(done.counts).toEqual({ redriven: 1, would_redrive: 0, not_found: 0, failed: 0 });
    const ran = await eventually(async () => {
      const runs = [...(await runsOf(app, DEFINITIONS[0])), ...(await runsOf(app, DEFINITIONS[1]))];
      expect(runs.map((r) => [r.definition_id, r.trigger_key, r.status]).sort()).toEqual(
        DEFINITIONS.map((id) => [id, event.id, 'succeeded']),
      );
      return runs;
    });

    const second = (await insertLetter()).rows[0].id as string;
    expect((await redrive({ ids: [second] })).items[0].outcome).toBe('redriven');
    await eventually(async () => expect(await app.json('GET', '/state/health')).toMatchObject({ outbox_pending: 0 }));
    const after = [...(await runsOf(app, DEFINITIONS[0])), ...(await runsOf(app, DEFINITIONS[1]))];
    expect(after.map((r) => r.id).sort()).toEqual(ran.map((r) => r.id).sort());
    expect(sink.requests.map((r) => r.url).sort()).toEqual(DEFINITIONS.map((id) => `/${id}`));
    expect(await letters()).toEqual([]);
  });
});
