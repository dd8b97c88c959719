// The dashboard's files at /ui/ as the hub serves them (Fastify): the page for any route of its own, cached
// assets with validators, a missing asset as a 404, nothing outside its folder, and a clear 404 when not built.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../testing/test-app';

const INDEX = '<!doctype html><title>State Hub</title><script src="/ui/assets/app-1a2b.js"></script>';
const ASSET = 'console.log("dashboard");';

describe('the dashboard files at /ui/ (real Postgres)', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-files-'));
    mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
    writeFileSync(join(dir, 'dist', 'index.html'), INDEX);
    writeFileSync(join(dir, 'dist', 'assets', 'app-1a2b.js'), ASSET);
    writeFileSync(join(dir, 'secret.txt'), 'outside the dashboard');
    t = await startTestApp({ env: { DASHBOARD_DIR: join(dir, 'dist') } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('redirects / to /ui/ and /ui to /ui/, keeping the query', async () => {
    expect((await t.http().get('/').expect(302)).headers.location).toBe('/ui/');
    expect((await t.http().get('/ui').expect(301)).headers.location).toBe('/ui/');
    expect((await t.http().get('/ui?status=open').expect(301)).headers.location).toBe('/ui/?status=open');
  });

  it.each(['/ui/', '/ui/repos/hub', '/ui/decisions?status=open', '/ui/index.html'])(
    'answers %s with the page, revalidated each time',
    async (path) => {
      const res = await t.http().get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toBe(INDEX);
    },
  );

  it('serves a hashed asset for good, with a validator that answers 304', async () => {
    const res = await t.http().get('/ui/assets/app-1a2b.js').expect(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.text).toBe(ASSET);
    expect(res.headers.etag).toEqual(expect.any(String));
    await t.http().get('/ui/assets/app-1a2b.js').set('if-none-match', res.headers.etag).expect(304);
  });

  it('answers a missing asset with a 404, not the page (a stale tab asking for an old bundle)', async () => {
    const res = await t.http().get('/ui/assets/app-old.js').expect(404);
    expect(res.body).toMatchObject({
      status_code: 404,
      error: 'not_found',
      message: 'no route GET /ui/assets/app-old.js',
    });
    await t.http().get('/ui/assets/').expect(404);
    await t.http().get('/ui/assets').expect(404);
  });

  it.each(['/ui/../secret.txt', '/ui/%2e%2e/secret.txt', '/ui/assets/%2e%2e/%2e%2e/secret.txt'])(
    'never serves a file outside the dashboard folder: %s',
    async (path) => {
      const res = await t.http().get(path);
      expect(res.text).not.toContain('outside the dashboard');
    },
  );
});

describe('the dashboard at /ui/ when it is not built (real Postgres)', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dashboard-none-'));
    t = await startTestApp({ env: { DASHBOARD_DIR: dir } });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/ui', '/ui/', '/ui/repos'])('answers %s with a 404 that says how to build it', async (path) => {
    const res = await t.http().get(path).set('x-request-id', 'dash-1').expect(404);
    expect(res.body).toEqual({
      status_code: 404,
      error: 'not_found',
      message: `the dashboard is not built: run \`npx nx build dashboard\`, or set DASHBOARD_DIR (looked in ${dir})`,
      request_id: 'dash-1',
    });
  });
});
