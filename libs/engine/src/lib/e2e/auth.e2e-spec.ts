// With ENGINE_API_TOKEN set, no engine write happens without it: every write route
// of the OpenAPI document answers 401 without the token and with a wrong one, and
// nothing changes (runs, dead letters, the redrive log, the stream, the sink).
// Reads stay open unless API_READS_REQUIRE_TOKEN; /health is always open; the
// engine refuses a non-loopback HOST without the token.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually } from '@state-hub/testing';
import { DataSource } from 'typeorm';
import { AppModule } from '../app/app.module';
import { type EngineFixture, eventDefinition, startEngineFixture } from '../testing/engine-fixture';

const TOKEN = 'engine-token-0123456789abcdef';
const SUBJECT = 'org.test.auth.happened';
const MANUAL = 'test.auth-manual';
const ON_EVENT = 'test.auth-on-event';
const MISSING = 'missing bearer token: send Authorization: Bearer <ENGINE_API_TOKEN>';

describe('event-consumer: ENGINE_API_TOKEN (Postgres + own nats-server)', () => {
  let f: EngineFixture;
  let runId: string;
  let letterId: string;
  const http = () => f.engine.http();

  /** Every write the engine's OpenAPI document declares, with real ids filled in. */
  async function writes(): Promise<{ method: string; path: string; body: unknown }[]> {
    const doc = (await http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const ids: Record<string, string> = { '/definitions/{id}/run': MANUAL, '/runs/{id}/replay': runId };
    const bodies: Record<string, unknown> = { '/dead-letters/redrive': { ids: [letterId] } };
    return Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((method) => ({ method, path: path.replace('{id}', ids[path] ?? 'x'), body: bodies[path] ?? {} })),
    );
  }

  /** What a write could have changed. */
  async function state() {
    const db = f.engine.app.get(DataSource);
    const [{ runs }] = await db.query('SELECT count(*)::int AS runs FROM activity_runs');
    const [{ redrives }] = await db.query('SELECT count(*)::int AS redrives FROM dead_letter_redrives');
    const nc = await connect({ servers: f.nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      const streams: Record<string, number> = {};
      for await (const info of jsm.streams.list()) streams[info.config.name] = info.state.messages;
      const letters = (await http().get('/dead-letters').expect(200)).body.items.map((l: { id: string }) => l.id);
      return { runs, redrives, streams, letters, sink: f.sink.requests.length };
    } finally {
      await nc.close();
    }
  }

  beforeAll(async () => {
    f = await startEngineFixture(
      (files, sink) => {
        files.write(
          'manual.yaml',
          `id: ${MANUAL}\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: POST, url: '${sink.url}/manual' }\n`,
        );
        files.write(
          'on-event.yaml',
          eventDefinition(ON_EVENT, SUBJECT, `instruction: { kind: http, method: POST, url: '${sink.url}/event' }\n`),
        );
      },
      { env: { ENGINE_API_TOKEN: TOKEN } },
    );
    // A run to replay and a dead letter to redrive, so that each refused write would have had an effect.
    await f.source.publish(f.source.envelope(SUBJECT, { n: 1 }));
    runId = (await f.oneRun(ON_EVENT, 'succeeded')).id;
    await f.source.publishRaw(SUBJECT, 'not an envelope');
    letterId = await eventually(async () => {
      const items = (await http().get('/dead-letters').expect(200)).body.items as { id: string }[];
      expect(items).toHaveLength(1);
      return items[0].id;
    });
  });
  afterAll(async () => {
    await f?.close();
  });

  it('refuses every write without a token and with a wrong one (401, a clear message), and nothing changes', async () => {
    const before = await state();
    const routes = await writes();
    expect(routes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'post /dead-letters/redrive',
      `post /definitions/${MANUAL}/run`,
      `post /runs/${runId}/replay`,
    ]);
    for (const { method, path, body } of routes) {
      const bare = await http()
        [method as 'post'](path)
        .send(body as object);
      expect({ path, status: bare.status, message: bare.body.message }).toEqual({
        path,
        status: 401,
        message: MISSING,
      });
      const wrong = await http()
        [method as 'post'](path)
        .set('authorization', 'Bearer not-the-engine-token-at-all')
        .send(body as object);
      expect({ path, status: wrong.status, message: wrong.body.message }).toEqual({
        path,
        status: 401,
        message: 'invalid bearer token',
      });
    }
    // Give a wrongly accepted write the time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await state()).toEqual(before);
  });

  it('does each write with the token', async () => {
    const auth = { authorization: `Bearer ${TOKEN}` };
    const manual = await http().post(`/definitions/${MANUAL}/run`).set(auth).send({});
    expect(manual.status).toBeLessThan(300);
    await http().post(`/runs/${runId}/replay`).set(auth).send({}).expect(202);
    const redrive = await http()
      .post('/dead-letters/redrive')
      .set(auth)
      .send({ ids: [letterId], dry_run: true })
      .expect(200);
    expect(redrive.body.counts.would_redrive).toBe(1);
    await eventually(async () =>
      expect(f.sink.requests.map((r) => r.url).sort()).toEqual(['/event', '/event', '/manual']),
    );
  });

  it('keeps reads and the health check open', async () => {
    await http().get('/runs').expect(200);
    await http().get('/definitions').expect(200);
    await http().get('/health').expect(200);
  });
});

describe('event-consumer: API_READS_REQUIRE_TOKEN (Postgres + own nats-server)', () => {
  let f: EngineFixture;
  beforeAll(async () => {
    f = await startEngineFixture(() => undefined, {
      env: { ENGINE_API_TOKEN: TOKEN, API_READS_REQUIRE_TOKEN: 'true' },
    });
  });
  afterAll(async () => {
    await f?.close();
  });

  it.each(['/runs', '/definitions', '/dead-letters', '/metrics'])('GET %s needs the token', async (path) => {
    const res = await f.engine.http().get(path);
    expect(res.status).toBe(401);
    expect(res.body.message).toBe(MISSING);
    await f.engine.http().get(path).set('authorization', `Bearer ${TOKEN}`).expect(200);
  });

  it('keeps /health open', async () => {
    await f.engine.http().get('/health').expect(200);
  });
});

describe('event-consumer on a non-loopback HOST', () => {
  it('refuses to start without ENGINE_API_TOKEN, naming the token and the fix', async () => {
    await expect(AppModule.forRoot({ HOST: '0.0.0.0', ENGINE_API_TOKEN: '' })).rejects.toThrow(
      /^ENGINE_API_TOKEN must be set when HOST=0\.0\.0\.0 \(not loopback\)/,
    );
    await expect(AppModule.forRoot({ HOST: '::', ENGINE_API_TOKEN: TOKEN })).resolves.toBeDefined();
  });
});
