// The engine's database goes away while events arrive: the runs wait for it
// (their deliveries kept alive, not acked, not lost, no delivery spent), and once
// Postgres is back every event gets its run — exactly one each. Runs its own Postgres.
// (The chaos suite's engine-db-outage scenario does the same for 25 s under load.)
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

describe('event-consumer: database outage (own Postgres + own nats-server)', () => {
  let pg: PostgresServer;
  let nats: NatsServer;
  let sink: HttpSink;
  let files: DefinitionFiles;
  let source: EventSource | undefined;
  let engine: TestEngine | undefined;

  beforeAll(async () => {
    [pg, nats, sink] = await Promise.all([startPostgresServer(), startNatsServer(), startHttpSink()]);
    files = new DefinitionFiles();
    files.write(
      'outage.yaml',
      `id: test.outage\ntrigger: { trigger_type: event, event_type: org.test.outage.happened }\ninstruction: { kind: http, method: POST, url: '${sink.url}/o/{{ event.attributes.n }}' }\n`,
    );
    const db = await createTestDatabase('statehub_engine_outage', pg.url);
    engine = await startTestEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir });
    source = await EventSource.connect(nats.url);
  });
  afterAll(async () => {
    await source?.close();
    await engine?.close();
    await Promise.all([sink?.close(), nats?.destroy()]);
    pg?.destroy();
    files?.remove();
  });

  it('records every event once after Postgres comes back', async () => {
    const e = engine as TestEngine;
    const s = source as EventSource;
    await s.publish(s.envelope('org.test.outage.happened', { n: 0 }));
    await eventually(async () => expect(sink.requests.map((r) => r.url)).toEqual(['/o/0']));

    pg.stop('immediate');
    for (let n = 1; n <= 3; n++) await s.publish(s.envelope('org.test.outage.happened', { n }));
    // while the database is down nothing is recorded and nothing is acked
    await eventually(async () => expect(await s.pending('ACTIVITY_EVENTS', 'activity-engine')).toBeGreaterThan(0));
    await new Promise((r) => setTimeout(r, 1500));
    pg.start();

    // The runs retry their claim every ≤ 5 s until Postgres answers again.
    await eventually(
      async () => {
        const page = await e.http().get('/runs').query({ definition: 'test.outage', status: 'succeeded' }).expect(200);
        expect(page.body.total).toBe(4);
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const urls = sink.requests.map((r) => r.url).sort();
    expect(urls).toEqual(['/o/0', '/o/1', '/o/2', '/o/3']);
    await eventually(async () => expect(await s.pending('ACTIVITY_EVENTS', 'activity-engine')).toBe(0));
  }, 150_000);
});
