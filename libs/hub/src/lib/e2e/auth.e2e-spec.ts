// With STATE_HUB_API_TOKEN set, every write route needs the bearer token; reads stay open unless
// API_READS_REQUIRE_TOKEN; the health check is always open; a non-loopback HOST needs the token.
import { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from '../testing/test-app';

const TOKEN = 'test-token-0123456789abcdef';
const WRITES: [method: 'post' | 'patch', path: string][] = [
  ['post', '/domains'],
  ['post', '/repos'],
  ['patch', '/repos/hub'],
  ['post', '/repos/hub/commits'],
  ['post', '/workstreams'],
  ['patch', '/workstreams/0190f7a4-0000-7000-8000-000000000000'],
  ['post', '/tasks'],
  ['patch', '/tasks/0190f7a4-0000-7000-8000-000000000000'],
  ['post', '/decisions'],
  ['post', '/decisions/0190f7a4-0000-7000-8000-000000000000/resolve'],
  ['post', '/domain-goals'],
  ['post', '/domain-goals/0190f7a4-0000-7000-8000-000000000000/activate'],
  ['post', '/progress-events'],
  ['post', '/repos/hub/sync'],
  ['post', '/consistency/sweep/remote-all'],
  ['post', '/maintenance/stale-cleanup'],
];
/** Git hosts' webhooks: authenticated by their signature (WEBHOOK_SECRET), exempt from the bearer token. */
const SIGNED = ['/webhooks/github', '/webhooks/gitea', '/webhooks/gitlab'];

describe('bearer-token auth (real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { STATE_HUB_API_TOKEN: TOKEN } });
  });
  afterAll(() => t?.close());

  it.each(WRITES)('%s %s without a token → 401', async (method, path) => {
    const res = await t.http()[method](path).send({});
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/missing bearer token/);
  });

  it.each(WRITES)('%s %s with a wrong token → 401', async (method, path) => {
    const res = await t.http()[method](path).set('authorization', 'Bearer wrong-token-wrong-token').send({});
    expect(res.status).toBe(401);
    expect(res.body.message).toBe('invalid bearer token');
  });

  it('the refused writes changed nothing: no row, no event', async () => {
    const db = t.app.get(DataSource);
    for (const table of ['domains', 'repos', 'workstreams', 'tasks', 'decisions', 'progress_events', 'event_outbox']) {
      const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM ${table}`);
      expect({ table, n }).toEqual({ table, n: 0 });
    }
  });

  it('refuses a malformed Authorization header', async () => {
    const res = await t.http().post('/domains').set('authorization', `Token ${TOKEN}`).send({});
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/malformed Authorization header/);
  });

  it('accepts the right token and keeps reads open', async () => {
    await t
      .http()
      .post('/domains')
      .set('authorization', `Bearer ${TOKEN}`)
      .send({ slug: 'custodian', name: 'Custodian' })
      .expect(201);
    const list = await t.http().get('/domains').expect(200);
    expect(list.body.total).toBe(1);
    await t.http().get('/state/health').expect(200);
  });

  it.each(SIGNED)('POST %s needs no bearer token (its signature authenticates it)', async (path) => {
    const res = await t.http().post(path).set('content-type', 'application/json').send('{}');
    expect(res.status).toBe(403); // WEBHOOK_SECRET is unset here: disabled, not "missing bearer token"
    expect(res.body.message).toMatch(/webhooks are disabled: set WEBHOOK_SECRET/);
  });

  it('says in the OpenAPI document that writes need the token', async () => {
    const doc = await t.http().get('/docs-json').expect(200);
    expect(doc.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('checks every write operation of the OpenAPI document (a new write route must join WRITES)', async () => {
    const doc = await t.http().get('/docs-json').expect(200);
    const writes = Object.entries(doc.body.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops)
        .filter((method) => ['post', 'put', 'patch', 'delete'].includes(method))
        .map((method) => ({ method, path })),
    );
    expect(writes.length).toBeGreaterThanOrEqual(WRITES.length);
    const unchecked = writes.filter(({ method, path }) => {
      const route = new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
      return !WRITES.some(([m, p]) => m === method && route.test(p)) && !SIGNED.includes(path);
    });
    expect(unchecked).toEqual([]);
  });
});

describe('API_READS_REQUIRE_TOKEN=true (real Postgres)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { STATE_HUB_API_TOKEN: TOKEN, API_READS_REQUIRE_TOKEN: 'true' } });
  });
  afterAll(() => t?.close());

  it.each(['/domains', '/repos', '/next-steps', '/workstreams', '/progress-events', '/metrics'])(
    'GET %s needs the token too',
    async (path) => {
      const res = await t.http().get(path);
      expect(res.status).toBe(401);
      expect(res.body.message).toMatch(/missing bearer token: send Authorization: Bearer <STATE_HUB_API_TOKEN>/);
      await t.http().get(path).set('authorization', `Bearer ${TOKEN}`).expect(200);
    },
  );

  it('keeps the health check open', async () => {
    await t.http().get('/state/health').expect(200);
  });
});

describe('a hub on a non-loopback HOST', () => {
  it('refuses to start without STATE_HUB_API_TOKEN, naming the token and the fix', async () => {
    await expect(startTestApp({ env: { HOST: '0.0.0.0' } })).rejects.toThrow(
      /STATE_HUB_API_TOKEN must be set when HOST=0\.0\.0\.0 \(not loopback\)/,
    );
  });

  it('starts with the token', async () => {
    const t = await startTestApp({ env: { HOST: '0.0.0.0', STATE_HUB_API_TOKEN: TOKEN } });
    await t.http().get('/state/health').expect(200);
    await t.close();
  });
});
