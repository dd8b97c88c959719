// NATS_URL unset: the hub works fully, events wait in the outbox, and they go
// out once the hub runs with NATS configured.
import { startTestApp, type TestApp } from '../testing/test-app';
import {
  createTestDatabase,
  eventually,
  type NatsServer,
  readStream,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';

describe('events without NATS (real Postgres)', () => {
  let db: TestDatabase;
  let nats: NatsServer | undefined;
  let t: TestApp | undefined;
  beforeAll(async () => {
    db = await createTestDatabase('statehub_nonats');
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
    await db?.drop();
  });

  it('keeps events in the outbox until NATS is configured', async () => {
    t = await startTestApp({ databaseUrl: db.url });
    await t.http().post('/domains').send({ slug: 'd', name: 'D' }).expect(201);
    await t.http().post('/repos').send({ slug: 'r1', name: 'R1', domain: 'd', local_path: '/r1' }).expect(201);
    await t.http().post('/repos').send({ slug: 'r2', name: 'R2', domain: 'd', local_path: '/r2' }).expect(201);
    const health = await t.http().get('/state/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', nats: 'disabled', delivery: 'none', outbox_pending: 2 });
    expect((await t.http().get('/events/outbox').expect(200)).body).toMatchObject({ pending: 2, nats: 'disabled' });
    await t.close();

    nats = await startNatsServer();
    const relaying = await startTestApp({ databaseUrl: db.url, env: { NATS_URL: nats.url, OUTBOX_POLL_MS: '100' } });
    t = relaying;
    const url = nats.url;
    const events = await eventually(async () => {
      const all = await readStream(url);
      expect(all).toHaveLength(2);
      return all;
    });
    expect(events.map((e) => (e.envelope['attributes'] as { repo_slug: string }).repo_slug)).toEqual(['r1', 'r2']);
    await eventually(async () => expect((await relaying.http().get('/state/health')).body.outbox_pending).toBe(0));
  });
});
