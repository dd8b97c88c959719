// The resource list and URI parsing, with a stand-in hub (a real local HTTP
// server): every listed URI is distinct although workplan ids are unique per repo only.
import { Logger } from '@nestjs/common';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { HubSchemas } from '@state-hub/hub-client';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validateConfig } from '../config/mcp-config';
import { HubApi } from '../hub/hub-api.service';
import { parseWorkstreamRef, WorkstreamResource, workstreamUri } from './workstream-resource';

const ws = (n: number, workplan_id: string, repo: string): HubSchemas['WorkstreamView'] => ({
  id: `00000000-0000-4000-8000-00000000000${n}`,
  workplan_id,
  title: `Plan ${n}`,
  status: 'active',
  repo_id: `00000000-0000-4000-8000-0000000000${n}0`,
  repo,
  domain: 'custodian',
  extra: {},
  owner: null,
  source_path: null,
  completed_at: null,
  created_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:00:00.000Z',
});

const STORED = [ws(1, 'STATE-WP-0064', 'state-hub'), ws(2, 'STATE-WP-0064', 'infra'), ws(3, 'INFRA-WP-0001', 'infra')];

/** A hub holding STORED: GET /workstreams filters by workplan_id and repo, GET /workstreams/:id has no tasks. */
function answer(url: URL): unknown {
  if (url.pathname === '/workstreams') {
    const query = url.searchParams;
    const items = STORED.filter(
      (w) =>
        (!query.has('workplan_id') || w.workplan_id === query.get('workplan_id')) &&
        (!query.has('repo') || w.repo === query.get('repo')),
    );
    return { items, total: items.length, limit: 200, offset: 0 };
  }
  return { ...STORED.find((w) => url.pathname === `/workstreams/${w.id}`), tasks: [] };
}

let server: Server;
const asked: string[] = [];

function fakeHub() {
  const { port } = server.address() as AddressInfo;
  const hub = new HubApi(validateConfig({ STATE_HUB_URL: `http://127.0.0.1:${port}` }));
  return { resource: new WorkstreamResource(hub) };
}

beforeAll(async () => {
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    const body = JSON.stringify(answer(new URL(req.url ?? '/', 'http://hub')));
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const read = (resource: WorkstreamResource, href: string) =>
  resource.read(new URL(href), { workplan_id: href.slice('statehub://workstreams/'.length) });

beforeAll(() => Logger.overrideLogger(false));
afterAll(() => Logger.overrideLogger(true));

describe('WorkstreamResource.list', () => {
  it('qualifies a workplan id that several repos share with ?repo=, so no URI repeats', async () => {
    const { resources } = await fakeHub().resource.list();
    expect(resources.map((r) => [r.uri, r.name])).toEqual([
      ['statehub://workstreams/STATE-WP-0064?repo=state-hub', 'STATE-WP-0064 (state-hub)'],
      ['statehub://workstreams/STATE-WP-0064?repo=infra', 'STATE-WP-0064 (infra)'],
      ['statehub://workstreams/INFRA-WP-0001', 'INFRA-WP-0001'],
    ]);
    expect(new Set(resources.map((r) => r.uri)).size).toBe(resources.length);
  });
});

describe('WorkstreamResource.read', () => {
  it('reads the ?repo= form, asking the hub for that repo only', async () => {
    const { resource } = fakeHub();
    const href = 'statehub://workstreams/STATE-WP-0064?repo=infra';
    const { contents } = await read(resource, href);
    expect(contents).toEqual([expect.objectContaining({ uri: href, mimeType: 'text/markdown' })]);
    expect((contents[0] as { text: string }).text).toContain('- repo: infra');
    expect(asked).toContain('/workstreams?workplan_id=STATE-WP-0064&repo=infra&limit=10');
  });

  it('reads the plain form of a workplan id only one repo has', async () => {
    const { contents } = await read(fakeHub().resource, 'statehub://workstreams/INFRA-WP-0001');
    expect((contents[0] as { text: string }).text).toContain('# INFRA-WP-0001 — Plan 3');
  });

  it('answers the plain form of a shared workplan id with the repos and the ?repo= form', async () => {
    await expect(read(fakeHub().resource, 'statehub://workstreams/STATE-WP-0064')).rejects.toEqual(
      new McpError(
        ErrorCode.InvalidParams,
        'statehub://workstreams/STATE-WP-0064: workplan_id STATE-WP-0064 is in several repos (state-hub, infra): ' +
          'read statehub://workstreams/STATE-WP-0064?repo=<slug>',
      ),
    );
  });
});

describe('workstreamUri and parseWorkstreamRef', () => {
  it('round-trip both forms', () => {
    expect(workstreamUri('STATE-WP-0064')).toBe('statehub://workstreams/STATE-WP-0064');
    expect(workstreamUri('STATE-WP-0064', 'state-hub')).toBe('statehub://workstreams/STATE-WP-0064?repo=state-hub');
    expect(parseWorkstreamRef('u', 'STATE-WP-0064')).toEqual({ workplanId: 'STATE-WP-0064' });
    expect(parseWorkstreamRef('u', 'STATE-WP-0064?repo=state-hub')).toEqual({
      workplanId: 'STATE-WP-0064',
      repo: 'state-hub',
    });
  });

  it.each([
    ['nope', /u: not a workplan id such as STATE-WP-0064/],
    ['STATE-WP-0064%', /u: not a workplan id/],
    ['STATE-WP-0064?repo=a&limit=5', /u: unknown query parameter limit; only repo is known/],
    ['STATE-WP-0064?repo=a&repo=b', /u: repo must be one repo slug such as state-hub/],
    ['STATE-WP-0064?repo=Not%20A%20Slug', /u: repo must be one repo slug/],
    ['STATE-WP-0064?repo=', /u: repo must be one repo slug/],
  ])('refuse %j as invalid params', (raw, message) => {
    expect(() => parseWorkstreamRef('u', raw)).toThrow(McpError);
    expect(() => parseWorkstreamRef('u', raw)).toThrow(message);
  });
});
