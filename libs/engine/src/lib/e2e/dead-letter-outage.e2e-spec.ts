// An engine whose database refuses connections for longer than it waits
// (DB_OUTAGE_WAIT_SECONDS=1) gives its events up to the dead-letter stream after
// every delivery failed; once Postgres is back, a redrive runs each event exactly
// once per definition. Runs its own Postgres.
import {
  createTestDatabase,
  DefinitionFiles,
  eventually,
  type HttpSink,
  type NatsServer,
  type PostgresServer,
  startHttpSink,
  startNatsServer,
  startPostgresServer,
} from '@state-hub/testing';
import { EventSource } from '../testing/event-source';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

const SUBJECT = 'org.test.outage.happened';
const DEFINITIONS = ['test.outage-a', 'test.outage-b'];

describe('event-consumer: dead letters of a database outage, redriven (own Postgres + own nats-server)', () => {
  let pg: PostgresServer;
  let nats: NatsServer;
  let sink: HttpSink;
  let files: DefinitionFiles;
  let source: EventSource | undefined;
  let engine: TestEngine | undefined;

  beforeAll(async () => {
    [pg, nats, sink] = await Promise.all([startPostgresServer(), startNatsServer(), startHttpSink()]);
    files = new DefinitionFiles();
    for (const id of DEFINITIONS) {
      files.write(
        `${id}.yaml`,
        `id: ${id}\ntrigger: { trigger_type: event, event_type: ${SUBJECT} }\ninstruction: { kind: http, method: POST, url: '${sink.url}/${id}/{{ event.attributes.n }}' }\n`,
      );
    }
    const db = await createTestDatabase('statehub_engine_dl_outage', pg.url);
    engine = await startTestEngine({
      databaseUrl: db.url,
      natsUrl: nats.url,
      definitionsDir: files.dir,
      env: { DB_OUTAGE_WAIT_SECONDS: '1' },
    });
    source = await EventSource.connect(nats.url);
  });
  afterAll(async () => {
    await source?.close();
    await engine?.close();
    await Promise.all([sink?.close(), nats?.destroy()]);
    pg?.destroy();
    files?.remove();
  });

  it('dead-letters the events while Postgres is down; after it is back a redrive runs each once', async () => {
    const http = () => (engine as TestEngine).http();
    const s = source as EventSource;
    pg.stop('immediate');
    const events = [1, 2].map((n) => s.envelope(SUBJECT, { n }));
    for (const event of events) await s.publish(event);

    // Five deliveries (nak 1 s, 2 s, 4 s, 8 s apart), each waiting 1 s for the database: then the stream holds them.
    // The dead letters are NATS's: they list while the database is still down.
    const letters = await eventually(
      async () => {
        const page = await http().get('/dead-letters').query({ subject: 'org.test.outage.>' }).expect(200);
        expect(page.body.items).toHaveLength(2);
        return page.body.items as { id: string; reason: string; delivery_count: number }[];
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    for (const letter of letters) {
      expect(letter.reason).toMatch(/^handler failed on all 5 deliveries/);
      expect(letter.delivery_count).toBe(5);
    }
    expect(sink.requests).toEqual([]);

    pg.start();
    await eventually(async () => expect((await http().get('/health')).body.db).toBe('up'), { timeoutMs: 30_000 });
    const redrive = await http()
      .post('/dead-letters/redrive')
      .send({ filter: { subject: SUBJECT }, redriven_by: 'on-call' })
      .expect(200);
    expect(redrive.body.counts).toEqual({ redriven: 2, would_redrive: 0, not_found: 0, failed: 0 });

    for (const id of DEFINITIONS) {
      await eventually(
        async () => {
          const page = await http().get('/runs').query({ definition: id }).expect(200);
          const keys = (page.body.items as { trigger_key: string; status: string }[]).map((r) => [
            r.trigger_key,
            r.status,
          ]);
          expect(keys.sort()).toEqual(events.map((e) => [e.id, 'succeeded']).sort());
        },
        { timeoutMs: 30_000, intervalMs: 250 },
      );
    }
    await eventually(async () => expect(await s.pending('ACTIVITY_EVENTS', 'activity-engine')).toBe(0));
    const calls = sink.requests.map((r) => r.url).sort();
    expect(calls).toEqual(['/test.outage-a/1', '/test.outage-a/2', '/test.outage-b/1', '/test.outage-b/2']);
    expect((await http().get('/dead-letters').query({ subject: SUBJECT }).expect(200)).body.items).toEqual([]);
  }, 180_000);
});
