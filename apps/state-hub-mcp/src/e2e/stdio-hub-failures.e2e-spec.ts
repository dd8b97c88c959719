// What can go wrong under an agent — a missing or wrong token, a hub that is
// down or hangs — comes back as a tool result with isError and a one-line
// reason, and the server keeps serving.
import { freePort } from '@state-hub/testing';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { startHub, type HubProcess } from '../testing/hub-process';
import { call as answerOf } from '@state-hub/hub-client';
import { type HubHttp, hubHttp, type Seeded, seedHub } from '../testing/hub-seed';
import { connectStdio } from '../testing/mcp-client';
import { expectStillServing, expectToolError, TEST_TOKEN } from '../testing/tool-assertions';

describe('state-hub-mcp: token and hub failures (built app over stdio, real hub)', () => {
  let hub: HubProcess;
  let http: HubHttp;
  let seeded: Seeded;

  beforeAll(async () => {
    hub = await startHub({ token: TEST_TOKEN });
    http = hubHttp(hub.url, TEST_TOKEN);
    seeded = await seedHub(http);
  });
  afterAll(async () => {
    await hub?.stop();
  });

  describe('tokens (401)', () => {
    it.each([
      [
        'missing',
        undefined,
        /^resolve_decision: missing bearer token: .*\(HTTP 401: set STATE_HUB_API_TOKEN of the MCP server/,
      ],
      ['wrong', 'not-the-hubs-token-at-all', /^resolve_decision: invalid bearer token \(HTTP 401/],
    ])('a %s token: the write is refused, reads still work', async (_what, token, reason) => {
      const other = await connectStdio({ STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: token });
      try {
        const args = { decision_id: seeded.decisionId, resolution: 'x', resolved_by: 'y' };
        await expectToolError(other.client, 'resolve_decision', args, reason);
        await expectToolError(
          other.client,
          'add_progress_event',
          { event_type: 'note', summary: 'x' },
          /^add_progress_event: .*HTTP 401/,
        );
        expect(
          await answerOf(http.GET('/decisions/{id}', { params: { path: { id: seeded.decisionId } } })),
        ).toMatchObject({ status: 'open' });
        await expectStillServing(other.client);
      } finally {
        await other.close();
      }
    });
  });

  describe('the hub is unreachable', () => {
    it('connection refused: every tool says so, and the server keeps answering', async () => {
      const closedPort = await freePort();
      const down = await connectStdio({ STATE_HUB_URL: `http://127.0.0.1:${closedPort}` });
      try {
        const reason = new RegExp(`state hub unreachable at http://127\\.0\\.0\\.1:${closedPort} \\(ECONNREFUSED\\)$`);
        await expectToolError(down.client, 'get_next_steps', {}, reason);
        await expectToolError(down.client, 'get_health', {}, reason);
        await expectToolError(
          down.client,
          'resolve_decision',
          { decision_id: randomUUID(), resolution: 'x', resolved_by: 'y' },
          reason,
        );
        expect((await down.client.listTools()).tools).toHaveLength(10);
        await expectToolError(down.client, 'list_repos', {}, reason);
      } finally {
        await down.close();
      }
    });

    it('a hub that accepts but never answers times out after STATE_HUB_TIMEOUT_MS', async () => {
      const sockets: Socket[] = [];
      const silent: Server = createServer((socket) => sockets.push(socket));
      const port = await freePort();
      await new Promise<void>((resolve) => silent.listen(port, '127.0.0.1', resolve));
      const slow = await connectStdio({ STATE_HUB_URL: `http://127.0.0.1:${port}`, STATE_HUB_TIMEOUT_MS: '300' });
      try {
        const reason = new RegExp(
          `^get_repo: state hub at http://127\\.0\\.0\\.1:${port} did not answer within 300 ms$`,
        );
        await expectToolError(slow.client, 'get_repo', { slug: 'state-hub' }, reason);
        expect((await slow.client.listTools()).tools).toHaveLength(10);
      } finally {
        await slow.close();
        sockets.forEach((s) => s.destroy());
        await new Promise((resolve) => silent.close(resolve));
      }
    });
  });
});
