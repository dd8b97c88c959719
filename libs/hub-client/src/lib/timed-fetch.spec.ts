// What goes over the wire, and what happens when nothing (or not all) comes
// back: a real local HTTP server, a closed port, a server that stalls.
import { type AnsweringServer, closedPort, startAnsweringServer } from '../testing/answering-server';
import { call } from './api-call';
import { createHubClient } from './hub-client';

let server: AnsweringServer;

beforeAll(async () => {
  server = await startAnsweringServer();
});
afterAll(() => server.close());

const repo = { slug: 'state-hub' };

describe('the generated hub client on the wire', () => {
  it('sends the bearer token on reads and writes, the user agent, and the query', async () => {
    server.answer('/repos', { status: 200, body: { items: [], total: 0, limit: 5, offset: 0 } });
    server.answer('/progress-events', { status: 201, body: { id: 'e1' } });
    const hub = createHubClient({ baseUrl: server.url, token: 'tok-123', userAgent: 'spec/1.0' });
    await call(hub.GET('/repos', { params: { query: { status: 'active', limit: 5, domain: undefined } } }));
    await call(hub.POST('/progress-events', { body: { event_type: 'note', summary: 'hello' } }));
    const [read, write] = server.seen.slice(-2);
    expect(read).toMatchObject({ method: 'GET', url: '/repos?status=active&limit=5' });
    expect(write).toMatchObject({ method: 'POST', url: '/progress-events' });
    expect(JSON.parse(write.body)).toEqual({ event_type: 'note', summary: 'hello' });
    for (const seen of [read, write]) {
      expect(seen.headers).toMatchObject({ authorization: 'Bearer tok-123', 'user-agent': 'spec/1.0' });
    }
  });

  it('sends no authorization header without a token, and escapes path parameters', async () => {
    server.answer('/repos/a%2Fb', { status: 200, body: repo });
    const hub = createHubClient({ baseUrl: server.url });
    await call(hub.GET('/repos/{slug}', { params: { path: { slug: 'a/b' } } }));
    const seen = server.seen[server.seen.length - 1];
    expect(seen.url).toBe('/repos/a%2Fb');
    expect(seen.headers.authorization).toBeUndefined();
  });

  it('says nothing answered, with the system error, when nothing listens', async () => {
    const baseUrl = `http://127.0.0.1:${await closedPort()}`;
    const hub = createHubClient({ baseUrl, timeoutMs: 2000 });
    await expect(call(hub.GET('/repos'))).rejects.toMatchObject({
      name: 'ApiError',
      kind: 'unreachable',
      status: undefined,
      reason: 'ECONNREFUSED',
      message: `cannot reach ${baseUrl}: ECONNREFUSED`,
      method: 'GET',
      path: '/repos',
    });
  });

  it('gives up after the time limit when the server never answers', async () => {
    server.answer('/repos/silent', { status: 200, stall: 'silent' });
    const hub = createHubClient({ baseUrl: server.url, timeoutMs: 200 });
    const started = Date.now();
    await expect(call(hub.GET('/repos/{slug}', { params: { path: { slug: 'silent' } } }))).rejects.toMatchObject({
      kind: 'timeout',
      timeoutMs: 200,
      status: undefined,
      message: `${server.url} did not answer GET /repos/silent within 200 ms`,
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('counts the body in the time limit (headers sent, then nothing)', async () => {
    server.answer('/repos/half', {
      status: 200,
      headers: { 'content-type': 'application/json' },
      stall: 'headers-only',
    });
    const hub = createHubClient({ baseUrl: server.url, timeoutMs: 200 });
    await expect(call(hub.GET('/repos/{slug}', { params: { path: { slug: 'half' } } }))).rejects.toMatchObject({
      kind: 'timeout',
      timeoutMs: 200,
    });
  });

  it('lets one call set its own limit with timeoutMs', async () => {
    server.answer('/repos/silent', { status: 200, stall: 'silent' });
    const hub = createHubClient({ baseUrl: server.url, timeoutMs: 5000 });
    const slow = hub.GET('/repos/{slug}', { params: { path: { slug: 'silent' } }, timeoutMs: 150 });
    await expect(call(slow)).rejects.toMatchObject({ kind: 'timeout', timeoutMs: 150 });
  });
});
