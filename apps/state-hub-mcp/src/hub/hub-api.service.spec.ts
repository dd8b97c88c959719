// The MCP server's way to the hub, against a real local HTTP server: a read is
// tried again once after a dropped connection, a write never is; answers are
// checked against the hub's schemas; the user agent and token go along.
import { Logger } from '@nestjs/common';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateConfig } from '../config/mcp-config';
import { APP_VERSION } from '../version';
import { HubApi } from './hub-api.service';

const health = { status: 'ok', db: 'up', nats: 'disabled', outbox_pending: 0, delivery: 'none', version: '1.0.0' };

let server: Server;
let hub: HubApi;
const seen: IncomingMessage[] = [];
/** Connections to drop before answering (the next N requests). */
let drops = 0;

beforeAll(async () => {
  Logger.overrideLogger(false);
  server = createServer((req, res) => {
    seen.push(req);
    if (drops > 0) {
      drops -= 1;
      req.socket.destroy(); // what a keep-alive socket the hub closed looks like
      return;
    }
    const body = req.url === '/progress-events' ? { id: 'not-a-progress-event' } : health;
    res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const token = 'a-token-of-at-least-16-chars';
  hub = new HubApi(validateConfig({ STATE_HUB_URL: `http://127.0.0.1:${port}`, STATE_HUB_API_TOKEN: token }));
});
afterAll(async () => {
  Logger.overrideLogger(true);
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  drops = 0;
});

describe('HubApi', () => {
  it('tries a read again once after a dropped connection, with its user agent and token', async () => {
    drops = 1;
    await expect(hub.read('HealthView', (api) => api.GET('/state/health'))).resolves.toEqual(health);
    expect(seen).toHaveLength(2);
    expect(seen[1].headers).toMatchObject({
      'user-agent': `state-hub-mcp/${APP_VERSION}`,
      authorization: 'Bearer a-token-of-at-least-16-chars',
    });
  });

  it('gives up on a read after the second dropped connection', async () => {
    drops = 2;
    await expect(hub.read('HealthView', (api) => api.GET('/state/health'))).rejects.toMatchObject({
      name: 'HubError',
      kind: 'unreachable',
      message: expect.stringMatching(/^state hub unreachable at http:\/\/127\.0\.0\.1:\d+ \(/),
    });
    expect(seen).toHaveLength(2);
  });

  it('never sends a write twice', async () => {
    drops = 1;
    const write = hub.write('ProgressEventView', (api) =>
      api.POST('/progress-events', { body: { event_type: 'note', summary: 'once' } }),
    );
    await expect(write).rejects.toMatchObject({ kind: 'unreachable' });
    expect(seen).toHaveLength(1);
  });

  it("refuses an answer that is not the hub's schema", async () => {
    const write = hub.write('ProgressEventView', (api) =>
      api.POST('/progress-events', { body: { event_type: 'note', summary: 'x' } }),
    );
    await expect(write).rejects.toMatchObject({
      kind: 'bad_answer',
      message: expect.stringMatching(/^the hub's answer \(ProgressEventView\) has an unexpected shape: .*event_type/),
    });
  });
});
