// The built server in --http mode (Streamable HTTP, stateless) with the SDK's
// own HTTP client, against the real hub.
import { freePort, type NodeService, startNodeService } from '@state-hub/testing';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startHub, type HubProcess, WORKSPACE_ROOT } from '../testing/hub-process';
import { call as answerOf } from '@state-hub/hub-client';
import { type HubHttp, hubHttp, seedHub } from '../testing/hub-seed';
import { callTool, connectHttp, MCP_MAIN, textOf } from '../testing/mcp-client';
import { TEST_TOKEN } from '../testing/tool-assertions';

/** A raw request, so the Host header can be anything. */
function rawRequest(port: number, method: string, headers: Record<string, string> = {}, path = '/mcp') {
  return new Promise<{ status: number; body: string; allow?: string; wwwAuthenticate?: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body,
          allow: res.headers['allow'],
          wwwAuthenticate: res.headers['www-authenticate'],
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('state-hub-mcp --http (built app, real hub)', () => {
  let hub: HubProcess;
  let http: HubHttp;
  let mcp: NodeService;
  let port: number;
  let client: Client;

  beforeAll(async () => {
    hub = await startHub({ token: TEST_TOKEN });
    http = hubHttp(hub.url, TEST_TOKEN);
    await seedHub(http);
    port = await freePort();
    mcp = await startNodeService({
      script: MCP_MAIN,
      args: ['--http', '--port', String(port)],
      env: { STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TEST_TOKEN },
      healthUrl: `http://127.0.0.1:${port}/healthz`,
      cwd: WORKSPACE_ROOT,
    });
    client = await connectHttp(`http://127.0.0.1:${port}/mcp`);
  });
  afterAll(async () => {
    await client?.close();
    await mcp?.stop();
    await hub?.stop();
  });

  it('lists the tools', async () => {
    const { tools } = await client.listTools();
    expect(tools).toHaveLength(10);
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['get_next_steps', 'resolve_decision']));
  });

  it('get_next_steps answers what GET /next-steps holds', async () => {
    const result = await callTool(client, 'get_next_steps', { domain: 'custodian', limit: 5 });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(
      await answerOf(http.GET('/next-steps', { params: { query: { domain: 'custodian', limit: 5 } } })),
    );
  });

  it('an unknown id is a one-line tool error, and the next call works', async () => {
    const id = randomUUID();
    const result = await callTool(client, 'get_workstream', { id });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(`get_workstream: workstream ${id} not found`);
    expect((await callTool(client, 'list_repos')).isError).toBeFalsy();
  });

  it('answers GET and DELETE on /mcp with 405 (stateless: no stream, no session)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await rawRequest(port, method, { accept: 'text/event-stream' });
      expect(res.status).toBe(405);
      expect(res.allow).toBe('POST');
      expect(JSON.parse(res.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32000 } });
    }
  });

  it('refuses a foreign Host header (DNS rebinding protection on loopback)', async () => {
    const res = await rawRequest(port, 'POST', { host: 'evil.example', 'content-type': 'application/json' });
    expect(res.status).toBe(403);
  });

  it('serves /healthz', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});

// What the compose service runs: bound to every interface, so only with a token of its own.
describe('state-hub-mcp --http with MCP_HTTP_TOKEN on 0.0.0.0 (built app, real hub)', () => {
  const MCP_TOKEN = 'mcp-http-e2e-token-0123456789';
  let hub: HubProcess;
  let mcp: NodeService;
  let port: number;
  let url: string;
  let stderr: () => string;
  const initialize = JSON.stringify({
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  });
  const post = (headers: Record<string, string>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...headers },
      body: initialize,
    });

  beforeAll(async () => {
    hub = await startHub({ token: TEST_TOKEN });
    port = await freePort();
    url = `http://127.0.0.1:${port}/mcp`;
    mcp = await startNodeService({
      script: MCP_MAIN,
      args: ['--http', '--port', String(port)],
      env: {
        STATE_HUB_URL: hub.url,
        STATE_HUB_API_TOKEN: TEST_TOKEN,
        MCP_HTTP_HOST: '0.0.0.0',
        MCP_HTTP_TOKEN: MCP_TOKEN,
        MCP_ALLOWED_HOSTS: 'localhost,127.0.0.1,state-hub-mcp',
      },
      healthUrl: `http://127.0.0.1:${port}/healthz`,
      cwd: WORKSPACE_ROOT,
    });
    stderr = () => mcp.output();
  });
  afterAll(async () => {
    await mcp?.stop();
    await hub?.stop();
  });

  it('serves a client that sends the token, reads and writes alike', async () => {
    const client = await connectHttp(url, { authorization: `Bearer ${MCP_TOKEN}` });
    try {
      expect((await callTool(client, 'list_repos')).isError).toBeFalsy();
      const event = await callTool(client, 'add_progress_event', { event_type: 'note', summary: 'with a token' });
      expect(event.isError).toBeFalsy();
    } finally {
      await client.close();
    }
  });

  it.each([
    ['no Authorization header', {}, /missing bearer token: send Authorization: Bearer <MCP_HTTP_TOKEN>/],
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789' }, /invalid bearer token/],
    ['the hub token', { authorization: `Bearer ${TEST_TOKEN}` }, /invalid bearer token/],
    ['a malformed header', { authorization: MCP_TOKEN }, /malformed Authorization header/],
  ])('answers a POST with %s with 401 and a JSON-RPC error that says why', async (_what, headers, message) => {
    const res = await post(headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="state-hub-mcp"');
    const body = (await res.json()) as { jsonrpc: string; error: { message: string }; id: null };
    expect(body).toMatchObject({ jsonrpc: '2.0', id: null });
    expect(body.error.message).toMatch(message);
  });

  it('refuses the SDK client without the token (it never reaches a tool)', async () => {
    await expect(connectHttp(url)).rejects.toThrow(/401|Unauthorized/);
  });

  it('guards GET and DELETE on /mcp too', async () => {
    for (const method of ['GET', 'DELETE']) {
      const res = await rawRequest(port, method, { accept: 'text/event-stream' });
      expect(res.status).toBe(401);
      expect(res.wwwAuthenticate).toBe('Bearer realm="state-hub-mcp"');
    }
    const withToken = await rawRequest(port, 'GET', { authorization: `Bearer ${MCP_TOKEN}` });
    expect(withToken.status).toBe(405);
  });

  it('still checks the Host header first', async () => {
    const res = await rawRequest(port, 'POST', { host: 'evil.example', authorization: `Bearer ${MCP_TOKEN}` });
    expect(res.status).toBe(403);
  });

  it('keeps /healthz open', async () => {
    const res = await rawRequest(port, 'GET', {}, '/healthz');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'ok' });
  });

  it('says at start that a token is required, and never logs it', () => {
    expect(stderr()).toContain(`serving MCP on http://0.0.0.0:${port}/mcp (bearer token required)`);
    expect(stderr()).not.toContain(MCP_TOKEN);
  });
});
