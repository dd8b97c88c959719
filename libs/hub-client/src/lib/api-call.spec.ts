// Answers from a real local HTTP server, through the generated hub client:
// success data, error bodies as ApiError (status, message, field, request id).
import { type AnsweringServer, startAnsweringServer } from '../testing/answering-server';
import { ApiError } from './api-error';
import { call, isApiError } from './api-call';
import { createHubClient, type HubClient } from './hub-client';

let server: AnsweringServer;
let hub: HubClient;

beforeAll(async () => {
  server = await startAnsweringServer();
  hub = createHubClient({ baseUrl: `${server.url}/`, timeoutMs: 2000 });
});
afterAll(() => server.close());

const getRepo = (slug: string) => call(hub.GET('/repos/{slug}', { params: { path: { slug } } }));

async function failure(pending: Promise<unknown>): Promise<ApiError> {
  const err = await pending.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

describe('call', () => {
  it('returns the data of a success answer', async () => {
    server.answer('/repos/state-hub', { status: 200, body: { slug: 'state-hub', status: 'active' } });
    await expect(getRepo('state-hub')).resolves.toEqual({ slug: 'state-hub', status: 'active' });
  });

  it("maps the hub's validation error body: status, message, first field, request id from the header", async () => {
    server.answer('/repos', {
      status: 400,
      headers: { 'x-request-id': 'req-header-1' },
      body: {
        status_code: 400,
        error: 'bad_request',
        message: 'slug must be a lowercase slug; name must not be empty',
        details: [
          { field: 'slug', message: 'slug must be a lowercase slug' },
          { field: 'name', message: 'name must not be empty' },
        ],
        request_id: 'req-body-1',
      },
    });
    const err = await failure(call(hub.POST('/repos', { body: { slug: 'Bad Slug', name: '', domain: 'custodian' } })));
    expect(err).toMatchObject({
      kind: 'rejected',
      status: 400,
      message: 'slug must be a lowercase slug; name must not be empty',
      serverMessage: 'slug must be a lowercase slug; name must not be empty',
      field: 'slug',
      requestId: 'req-header-1',
      method: 'POST',
      path: '/repos',
    });
  });

  it("takes a domain error's own field, and the body's request id when the header is missing", async () => {
    server.answer('/repos/ghost', {
      status: 404,
      body: {
        status_code: 404,
        error: 'not_found',
        message: "repo 'ghost' not found",
        field: 'slug',
        request_id: 'r-2',
      },
    });
    expect(await failure(getRepo('ghost'))).toMatchObject({
      kind: 'rejected',
      status: 404,
      message: "repo 'ghost' not found",
      field: 'slug',
      requestId: 'r-2',
      path: '/repos/ghost',
    });
  });

  it('marks a 5xx as failed', async () => {
    server.answer('/repos/broken', {
      status: 503,
      body: { status_code: 503, error: 'database_unavailable', message: 'the database is unavailable; retry shortly' },
    });
    const err = await failure(getRepo('broken'));
    expect(err).toMatchObject({ kind: 'failed', status: 503, message: 'the database is unavailable; retry shortly' });
    expect(err.field).toBeUndefined();
    expect(isApiError(err, 'failed')).toBe(true);
    expect(isApiError(err, 'rejected', 'unreachable')).toBe(false);
  });

  it("keeps the start of a proxy's non-JSON error page, naming the call", async () => {
    server.answer('/repos/proxied', { status: 502, body: '<html>Bad Gateway</html>\n' });
    const err = await failure(getRepo('proxied'));
    expect(err).toMatchObject({
      kind: 'failed',
      status: 502,
      message: 'GET /repos/proxied answered 502: <html>Bad Gateway</html>',
    });
    expect(err.serverMessage).toBeUndefined();
  });

  it('treats the listed statuses as answers (a degraded health check)', async () => {
    const health = { status: 'degraded', db: 'down', nats: 'disabled', outbox_pending: null, version: '1' };
    server.answer('/state/health', { status: 503, body: health });
    await expect(call(hub.GET('/state/health'), { answerStatuses: [503] })).resolves.toEqual(health);
    await expect(call(hub.GET('/state/health'))).rejects.toMatchObject({ kind: 'failed', status: 503 });
  });

  it('calls an answer that is labelled JSON but is not a bad answer', async () => {
    server.answer('/repos/garbled', { status: 200, headers: { 'content-type': 'application/json' }, body: '{"slug":' });
    expect(await failure(getRepo('garbled'))).toMatchObject({
      kind: 'bad_answer',
      status: 200,
      message: 'GET /repos/garbled answered 200 with a body that is not JSON',
    });
  });

  it('calls an empty success answer a bad answer', async () => {
    server.answer('/repos/empty', { status: 200, body: '' });
    expect(await failure(getRepo('empty'))).toMatchObject({
      kind: 'bad_answer',
      message: 'GET /repos/empty answered 200 with no body',
    });
  });
});
