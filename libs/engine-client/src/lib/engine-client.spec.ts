// The engine's client against a real local HTTP server: typed paths, the same
// ApiError as the hub's client, and the vocabulary from its document.
import { ApiError, call } from '@state-hub/hub-client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEngineClient } from './engine-client';
import { DEFINITION_STATES, RUN_STATUSES } from './engine-vocabulary';

let server: Server;
let baseUrl: string;
const seen: { url?: string; authorization?: string }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url, authorization: req.headers.authorization });
    if (req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok","nats":"up","db":"up"}');
      return;
    }
    const body = { status_code: 404, error: 'not_found', message: 'run r-1 not found', field: 'id', request_id: 'q1' };
    res.writeHead(404, { 'content-type': 'application/json', 'x-request-id': 'q1' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('createEngineClient', () => {
  it('reads an answer, sending the token', async () => {
    const engine = createEngineClient({ baseUrl, token: 'engine-token' });
    await expect(call(engine.GET('/health'))).resolves.toMatchObject({ status: 'ok', db: 'up' });
    expect(seen[seen.length - 1]).toEqual({ url: '/health', authorization: 'Bearer engine-token' });
  });

  it('throws the shared ApiError for an error answer', async () => {
    const engine = createEngineClient({ baseUrl });
    const failed = call(engine.GET('/runs/{id}', { params: { path: { id: 'r-1' } } }));
    await expect(failed).rejects.toBeInstanceOf(ApiError);
    await expect(failed).rejects.toMatchObject({
      kind: 'rejected',
      status: 404,
      message: 'run r-1 not found',
      field: 'id',
      requestId: 'q1',
      path: '/runs/r-1',
    });
  });
});

describe('engine vocabulary', () => {
  it('comes from the document', () => {
    expect(RUN_STATUSES).toEqual(expect.arrayContaining(['running', 'succeeded', 'failed']));
    expect(DEFINITION_STATES).toEqual(['loaded', 'invalid', 'disabled']);
  });
});
