// Events that piled up while the engine was down all get their runs when it
// starts: consumption begins only after the definitions are loaded.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
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
import { eventDefinition } from '../testing/engine-fixture';
import { EventSource } from '../testing/event-source';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

const BACKLOG = 60;

describe('event-consumer: a backlog waiting at start (Postgres + own nats-server)', () => {
  let db: TestDatabase;
  let nats: NatsServer;
  let sink: HttpSink;
  let files: DefinitionFiles;
  let source: EventSource | undefined;
  let engine: TestEngine | undefined;

  beforeAll(async () => {
    [db, nats, sink] = await Promise.all([createTestDatabase(), startNatsServer(), startHttpSink()]);
    files = new DefinitionFiles();
  });
  afterAll(async () => {
    await source?.close();
    await engine?.close();
    await Promise.all([sink?.close(), nats?.destroy(), db?.drop()]);
    files?.remove();
  });

  it('runs every event that was on the stream before the engine started', async () => {
    files.write(
      'backlog.yaml',
      eventDefinition(
        'test.backlog',
        'org.test.backlog.queued',
        `instruction: { kind: http, method: POST, url: '${sink.url}/b' }\n`,
      ),
    );
    const nc = await connect({ servers: nats.url });
    await (await jetstreamManager(nc)).streams.add({ name: 'ACTIVITY_EVENTS', subjects: ['org.>'] });
    await nc.close();
    source = await EventSource.connect(nats.url);
    for (let n = 0; n < BACKLOG; n++) await source.publish(source.envelope('org.test.backlog.queued', { n }));

    const started = await startTestEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir });
    engine = started;
    // runs are claimed (row inserted) before their instruction runs: wait for them to finish
    await eventually(
      async () => {
        const page = await started
          .http()
          .get('/runs')
          .query({ definition: 'test.backlog', status: 'succeeded', limit: 100 })
          .expect(200);
        expect(page.body.total).toBe(BACKLOG);
      },
      { timeoutMs: 20_000 },
    );
    expect(sink.requests.filter((r) => r.url === '/b')).toHaveLength(BACKLOG);
  });
});
