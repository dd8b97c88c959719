// The same one-process composition on Postgres: through JetStream when NATS_URL
// is set (an own nats-server), and from the outbox without it, where what the
// engine cannot take is kept in the dead_letters table with its reason.
import {
  type BuiltApp,
  createTestDatabase,
  type DefinitionFiles,
  eventually,
  type HttpSink,
  type NatsServer,
  readStream,
  startBuiltSystem,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { Client } from 'pg';
import { definitionsDir, runsOf, sinkOnEvent } from '../testing/system-fixture';

const ON_REGISTER = 'test.on-register';

describe('one process on Postgres', () => {
  let sink: HttpSink;
  let defs: DefinitionFiles;
  beforeAll(async () => {
    sink = await startHttpSink();
    defs = definitionsDir([], {
      'on-register.yaml': sinkOnEvent(ON_REGISTER, 'org.statehub.repo.registered', '/registered'),
    });
  });
  afterAll(async () => {
    await sink?.close();
    defs?.remove();
  });

  describe('with NATS_URL: events through JetStream (own nats-server)', () => {
    let db: TestDatabase;
    let nats: NatsServer;
    let app: BuiltApp;
    beforeAll(async () => {
      db = await createTestDatabase('statehub_system_js');
      nats = await startNatsServer();
      app = await startBuiltSystem({
        databaseUrl: db.url,
        natsUrl: nats.url,
        definitionsDir: defs.dir,
        env: { SINK_URL: sink.url },
      });
    });
    afterAll(async () => {
      await app?.stop();
      await nats?.destroy();
      await db?.drop();
    });

    it('relays to the stream and consumes the durable consumer: one event, one run', async () => {
      expect(await app.json('GET', '/state/health')).toMatchObject({
        status: 'ok',
        delivery: 'jetstream',
        engine: { status: 'up', delivery: 'jetstream', nats: 'up' },
      });
      await app.json('POST', '/domains', { slug: 'js', name: 'JS' });
      const repo = await app.json<{ id: string }>('POST', '/repos', {
        slug: 'js',
        name: 'JS',
        domain: 'js',
        remote_url: 'git@example.org:org/js.git',
      });
      await eventually(async () => expect((await runsOf(app, ON_REGISTER))[0]?.status).toBe('succeeded'));
      const stream = await readStream(nats.url);
      const registered = stream.filter((e) => e.subject === 'org.statehub.repo.registered');
      expect(registered.map((e) => (e.envelope['attributes'] as { repo_id: string }).repo_id)).toEqual([repo.id]);
      expect((await runsOf(app, ON_REGISTER)).map((r) => r.trigger_key)).toEqual([registered[0].envelope['id']]);
      expect(sink.requests.filter((r) => r.url === '/registered')).toHaveLength(1);
    });
  });

  describe('without NATS_URL: events from the outbox, dead letters in a table', () => {
    let db: TestDatabase;
    let app: BuiltApp;
    let pg: Client;
    beforeAll(async () => {
      db = await createTestDatabase('statehub_system_outbox');
      app = await startBuiltSystem({ databaseUrl: db.url, definitionsDir: defs.dir, env: { SINK_URL: sink.url } });
      pg = new Client({ connectionString: db.url });
      await pg.connect();
    });
    afterAll(async () => {
      await pg?.end();
      await app?.stop();
      await db?.drop();
    });

    it('keeps what the engine cannot take as a dead letter with its reason, and runs what it can', async () => {
      expect(await app.json('GET', '/state/health')).toMatchObject({ delivery: 'outbox', engine: { status: 'up' } });
      // Another writer of the outbox (not the hub, which never writes such a thing) leaves an envelope whose
      // type is not its subject, and one that is not an envelope at all.
      await pg.query(
        `INSERT INTO event_outbox (id, subject, envelope) VALUES
           (gen_random_uuid(), 'org.other.thing.happened', '{"id":"0190d6d4-2f4f-7d8e-9a51-0d6b3c7e2a10","type":"org.else.thing.happened","version":"1.0","timestamp":"2026-12-04T10:00:00Z","publisher":"other","attributes":{}}'),
           (gen_random_uuid(), 'org.other.thing.happened', '"just a string"')`,
      );
      await pg.query(`SELECT pg_notify('state_hub_outbox', '')`);
      await app.json('POST', '/domains', { slug: 'ob', name: 'OB' });
      await app.json('POST', '/repos', { slug: 'ob', name: 'OB', domain: 'ob', local_path: '/srv/ob' });
      await eventually(async () => expect((await runsOf(app, ON_REGISTER))[0]?.status).toBe('succeeded'));
      const letters = await eventually(async () => {
        const { rows } = await pg.query<{ original_subject: string; reason: string; payload: Buffer }>(
          'SELECT original_subject, reason, payload FROM dead_letters ORDER BY reason',
        );
        expect(rows).toHaveLength(2);
        return rows;
      });
      expect(letters.map((l) => l.original_subject)).toEqual(['org.other.thing.happened', 'org.other.thing.happened']);
      expect(letters.map((l) => l.reason)).toEqual([
        'envelope type org.else.thing.happened does not match subject org.other.thing.happened',
        'invalid envelope: envelope: expected a JSON object, got string',
      ]);
      expect(letters[1].payload.toString()).toBe('"just a string"');
      expect(await app.json('GET', '/state/health')).toMatchObject({ outbox_pending: 0 });
    });
  });
});
