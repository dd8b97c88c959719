// The built server in --http mode (Streamable HTTP, stateless) with the SDK's
// own HTTP client, against the real hub.
import { freePort, type NodeService, startNodeService } from '@state-hub/testing';
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { startHub, type HubProcess, WORKSPACE_ROOT } from '../testing/hub-process';
import { type HubHttp, hubHttp, seedHub } from '../testing/hub-seed';
import { callTool, connectHttp, MCP_MAIN, textOf } from '../testing/mcp-client';
import { TEST_TOKEN } from '../testing/tool-assertions';

/** A raw request, so the Host header can be anything. */
function rawRequest(port: number, method: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; body: string; allow?: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/mcp', method, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, allow: res.headers['allow'] }));
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
    expect(result.structuredContent).toEqual(await http.get('/next-steps?domain=custodian&limit=5'));
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
