// The split deployment's /engine/* on the hub (the dashboard's one origin): the
// built state-hub-api forwards to ENGINE_URL with the engine's own token, never
// the caller's; the hub's token guards the forwarded writes like any hub route.
// A recording HTTP server stands in for the engine.
import {
  type BuiltApp,
  createTestDatabase,
  type HttpSink,
  startBuiltHub,
  startHttpSink,
  type TestDatabase,
} from '@state-hub/testing';

const HUB_TOKEN = 'hub-token-for-forwarding-0123';
const ENGINE_TOKEN = 'engine-token-for-forwarding-4567';

describe('state-hub-api forwards /engine/* to ENGINE_URL (built app)', () => {
  let db: TestDatabase;
  let engine: HttpSink;
  let hub: BuiltApp;

  beforeAll(async () => {
    engine = await startHttpSink();
    db = await createTestDatabase('statehub_engine_forward');
    hub = await startBuiltHub({
      databaseUrl: db.url,
      natsUrl: '',
      env: { ENGINE_URL: engine.url, ENGINE_API_TOKEN: ENGINE_TOKEN, STATE_HUB_API_TOKEN: HUB_TOKEN },
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await db?.drop();
    await engine?.close();
  });

  const send = (method: string, path: string, auth?: string, body?: unknown) =>
    fetch(`${hub.url}${path}`, {
      method,
      headers: {
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it("answers a read with the engine's answer, sent with the engine's token", async () => {
    engine.respond('/runs', 200, { items: [], total: 0, limit: 50, offset: 0 });
    const res = await send('GET', '/engine/runs?status=failed');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    const seen = engine.requests.at(-1);
    expect(seen).toMatchObject({ method: 'GET', url: '/runs?status=failed' });
    expect(seen?.headers.authorization).toBe(`Bearer ${ENGINE_TOKEN}`);
  });

  it("refuses a write without the hub's token (401, nothing forwarded)", async () => {
    const before = engine.requests.length;
    const res = await send('POST', '/engine/dead-letters/redrive', undefined, { ids: ['x'] });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toContain('STATE_HUB_API_TOKEN');
    expect(engine.requests).toHaveLength(before);
  });

  it("forwards a write with the hub's token: body as sent, the engine's token instead of the caller's", async () => {
    engine.respond('/dead-letters/redrive', 200, { dry_run: false, items: [] });
    const res = await send('POST', '/engine/dead-letters/redrive', HUB_TOKEN, { ids: ['a', 'b'] });
    expect(res.status).toBe(200);
    const seen = engine.requests.at(-1);
    expect(seen).toMatchObject({ method: 'POST', url: '/dead-letters/redrive' });
    expect(JSON.parse(seen?.body ?? '')).toEqual({ ids: ['a', 'b'] });
    expect(seen?.headers.authorization).toBe(`Bearer ${ENGINE_TOKEN}`);
  });

  it("passes the engine's error answers on unchanged", async () => {
    engine.respond('/runs/nope', 404, { status_code: 404, error: 'not_found', message: "run 'nope' not found" });
    const res = await send('GET', '/engine/runs/nope');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { message: string }).message).toBe("run 'nope' not found");
  });
});
