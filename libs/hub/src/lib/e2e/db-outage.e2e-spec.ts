// A Postgres outage answers 503 (never 500), and the API recovers by itself
// when the database is back. Runs its own Postgres server so it can stop it.
import { createTestDatabase, eventually, startPostgresServer, type PostgresServer } from '@state-hub/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

describe('database outage (own Postgres server)', () => {
  let pg: PostgresServer;
  let t: TestApp;
  beforeAll(async () => {
    pg = await startPostgresServer();
    const db = await createTestDatabase('statehub_outage', pg.url);
    t = await startTestApp({ databaseUrl: db.url });
  });
  afterAll(async () => {
    await t?.close();
    pg?.destroy();
  });

  it('answers 503 while Postgres is down and recovers without a restart', async () => {
    await t.http().post('/domains').send({ slug: 'before', name: 'Before' }).expect(201);

    pg.stop('immediate');
    const write = await t.http().post('/domains').send({ slug: 'during', name: 'During' });
    expect(write.status).toBe(503);
    expect(write.body).toMatchObject({ error: 'database_unavailable', message: expect.stringMatching(/unavailable/) });
    const read = await t.http().get('/domains');
    expect(read.status).toBe(503);
    const health = await t.http().get('/state/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ status: 'degraded', db: 'down' });

    pg.start();
    await eventually(() => t.http().get('/state/health').expect(200), { timeoutMs: 20_000, intervalMs: 200 });
    await t.http().post('/domains').send({ slug: 'after', name: 'After' }).expect(201);
    const list = await t.http().get('/domains').expect(200);
    // the write refused during the outage left nothing behind
    expect(list.body.items.map((d: { slug: string }) => d.slug)).toEqual(['after', 'before']);
  });
});
