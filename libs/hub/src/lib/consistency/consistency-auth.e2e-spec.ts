// Both sweep routes change state: with STATE_HUB_API_TOKEN set they need the
// bearer token, while the sweep history and the files stay readable.
import { createWorkplanRepo, type WorkplanRepo, workplanText } from '@state-hub/testing';
import { startTestApp, type TestApp } from '../testing/test-app';

const TOKEN = 'sweep-token-0123456789abcdef';
const ROUTES = ['/consistency/sweep/remote-all', '/repos/demo/sync'];

describe('sweep routes need the bearer token (real Postgres)', () => {
  let t: TestApp;
  let repo: WorkplanRepo;
  const auth = { authorization: `Bearer ${TOKEN}` };
  beforeAll(async () => {
    t = await startTestApp({ env: { STATE_HUB_API_TOKEN: TOKEN } });
    repo = createWorkplanRepo({ 'workplans/DEMO-WP-0001.md': workplanText({ id: 'DEMO-WP-0001', title: 'Demo' }) });
    await t.http().post('/domains').set(auth).send({ slug: 'custodian', name: 'Custodian' }).expect(201);
    await t
      .http()
      .post('/repos')
      .set(auth)
      .send({ slug: 'demo', name: 'Demo', domain: 'custodian', local_path: repo.path })
      .expect(201);
  });
  afterAll(async () => {
    await t?.close();
    repo?.remove();
  });

  it.each(ROUTES)('POST %s without a token → 401 and nothing synced', async (path) => {
    const res = await t.http().post(path).send({ remote: false });
    expect(res.status).toBe(401);
    expect(res.body.message).toMatch(/missing bearer token/);
    const wrong = await t.http().post(path).set('authorization', 'Bearer not-the-token-at-all').send({});
    expect(wrong.status).toBe(401);
    expect((await t.http().get('/workstreams').expect(200)).body.total).toBe(0);
    expect((await t.http().get('/repos/demo/files').expect(200)).body.total).toBe(0);
  });

  it.each(ROUTES)('POST %s with the token → 200', async (path) => {
    await t.http().post(path).set(auth).send({ remote: false }).expect(200);
    expect((await t.http().get('/workstreams').expect(200)).body.total).toBe(1);
  });

  it('keeps the history and the comparison open to reads', async () => {
    const sweeps = await t.http().get('/consistency/sweeps').expect(200);
    expect(sweeps.body.total).toBe(1);
    await t.http().get('/consistency/sweeps/compare').expect(200);
  });
});
