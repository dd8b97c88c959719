// An agent's reads over stdio with the built server, against the real hub (its
// build, on real Postgres): every read tool and resource answers what the hub holds.
import { randomUUID } from 'node:crypto';
import { startHub, type HubProcess } from '../testing/hub-process';
import { call as answerOf } from '@state-hub/hub-client';
import { type HubHttp, hubHttp, type Seeded, seedHub } from '../testing/hub-seed';
import { callTool, connectStdio, type StdioSession, textOf } from '../testing/mcp-client';
import { TEST_TOKEN } from '../testing/tool-assertions';

const TOOLS = [
  'add_progress_event',
  'get_health',
  'get_next_steps',
  'get_repo',
  'get_workstream',
  'list_decisions',
  'list_progress_events',
  'list_repos',
  'list_workstreams',
  'resolve_decision',
];

describe('state-hub-mcp reads over stdio (built app, real hub)', () => {
  let hub: HubProcess;
  let http: HubHttp;
  let seeded: Seeded;
  let session: StdioSession;
  const call = (name: string, args: Record<string, unknown> = {}) => callTool(session.client, name, args);

  beforeAll(async () => {
    hub = await startHub({ token: TEST_TOKEN });
    http = hubHttp(hub.url, TEST_TOKEN);
    seeded = await seedHub(http);
    session = await connectStdio({ STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TEST_TOKEN });
  });
  afterAll(async () => {
    await session?.close();
    await hub?.stop();
  });

  it('lists the ten tools, each with a description and a typed input schema', async () => {
    const { tools } = await session.client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(TOOLS);
    for (const tool of tools) {
      expect(tool.description).toMatch(/^Use /);
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(byName.get('get_next_steps')?.inputSchema).toMatchObject({
      properties: {
        domain: { type: 'string', maxLength: 64 },
        repo: { type: 'string', maxLength: 64 },
        limit: { type: 'integer', minimum: 1, maximum: 100, default: 10 },
      },
      additionalProperties: false,
    });
    expect(byName.get('resolve_decision')?.inputSchema).toMatchObject({
      properties: {
        decision_id: { type: 'string', format: 'uuid' },
        resolution: { type: 'string', minLength: 1, maxLength: 10000 },
        resolved_by: { type: 'string', minLength: 1, maxLength: 200 },
      },
      required: ['decision_id', 'resolution', 'resolved_by'],
    });
    expect(byName.get('add_progress_event')?.inputSchema).toMatchObject({
      required: ['event_type', 'summary'],
    });
    expect(byName.get('get_workstream')?.inputSchema.properties).toHaveProperty('workplan_id');
    expect(byName.get('resolve_decision')?.annotations).toMatchObject({ readOnlyHint: false });
    expect(byName.get('get_next_steps')?.annotations).toMatchObject({ readOnlyHint: true });
  });

  it('get_next_steps answers what GET /next-steps holds', async () => {
    const result = await call('get_next_steps', { domain: 'custodian' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(
      await answerOf(http.GET('/next-steps', { params: { query: { domain: 'custodian' } } })),
    );
    const items = (result.structuredContent as { items: { task_key: string }[] }).items;
    expect(items.map((i) => i.task_key)).toEqual(['STATE-WP-0064-T01', 'STATE-WP-0064-T02']);
    expect(textOf(result)).toContain('[high] STATE-WP-0064-T01 Wire the definition');

    const one = await call('get_next_steps', { repo: 'state-hub', limit: 1 });
    expect(one.structuredContent).toEqual(
      await answerOf(http.GET('/next-steps', { params: { query: { repo: 'state-hub', limit: 1 } } })),
    );
  });

  it('list_repos and get_repo answer what the hub holds', async () => {
    const list = await call('list_repos', { status: 'active' });
    expect(list.structuredContent).toEqual(
      await answerOf(http.GET('/repos', { params: { query: { status: 'active' } } })),
    );
    expect(textOf(list)).toMatch(/^repos 1-2 of 2:\n- infra \[active\] Infra/);

    const repo = await call('get_repo', { slug: 'state-hub' });
    expect(repo.structuredContent).toEqual(
      await answerOf(http.GET('/repos/{slug}', { params: { path: { slug: 'state-hub' } } })),
    );
    expect(textOf(repo)).toContain('remote: git@example.org:org/state-hub.git');
  });

  it('list_workstreams and get_workstream (by id or by workplan_id) answer what the hub holds', async () => {
    const active = await call('list_workstreams', { status: 'active' });
    expect(active.structuredContent).toEqual(
      await answerOf(http.GET('/workstreams', { params: { query: { status: 'active' } } })),
    );
    const inInfra = await call('list_workstreams', { repo: 'infra' });
    expect(inInfra.structuredContent).toEqual(
      await answerOf(http.GET('/workstreams', { params: { query: { repo: 'infra' } } })),
    );

    const detail = await answerOf(http.GET('/workstreams/{id}', { params: { path: { id: seeded.workstreamId } } }));
    const byId = await call('get_workstream', { id: seeded.workstreamId });
    expect(byId.structuredContent).toEqual(detail);
    const byWorkplan = await call('get_workstream', { workplan_id: 'STATE-WP-0064' });
    expect(byWorkplan.structuredContent).toEqual(detail);
    expect(textOf(byWorkplan)).toContain('2 task(s):\n- [todo] STATE-WP-0064-T01 Wire the definition (high;');
  });

  it('list_decisions and get_health answer what the hub holds', async () => {
    const open = await call('list_decisions', { domain: 'custodian', status: 'open' });
    expect(open.structuredContent).toEqual(
      await answerOf(http.GET('/decisions', { params: { query: { domain: 'custodian', status: 'open' } } })),
    );
    expect((await call('list_decisions', {})).structuredContent).toEqual(await answerOf(http.GET('/decisions')));
    const ofWorkstream = await call('list_decisions', { workstream_id: seeded.workstreamId, repo: 'state-hub' });
    expect(ofWorkstream.structuredContent).toEqual(
      await answerOf(
        http.GET('/decisions', { params: { query: { workstream_id: seeded.workstreamId, repo: 'state-hub' } } }),
      ),
    );
    expect(textOf(ofWorkstream)).toContain('Keep the timer?');
    expect(textOf(ofWorkstream)).not.toContain('Which cluster');

    const health = await call('get_health');
    // Without NATS the hub's events wait in its outbox: the count is stable, so both answers agree.
    const { version, outbox_pending } = await answerOf(http.GET('/state/health'));
    expect(health.structuredContent).toMatchObject({
      status: 'ok',
      db: 'up',
      nats: 'disabled',
      version,
      outbox_pending,
    });
    expect(textOf(health)).toBe(
      `hub ok (version ${version}): database up, NATS disabled, ${outbox_pending} event(s) waiting in the outbox`,
    );
  });

  it('offers each workstream as a markdown resource', async () => {
    const { resourceTemplates } = await session.client.listResourceTemplates();
    expect(resourceTemplates).toEqual([
      expect.objectContaining({ uriTemplate: 'statehub://workstreams/{workplan_id}', mimeType: 'text/markdown' }),
    ]);
    const { resources } = await session.client.listResources();
    expect(resources.map((r) => [r.uri, r.title])).toEqual(
      expect.arrayContaining([
        ['statehub://workstreams/STATE-WP-0064', 'Move the sweep'],
        ['statehub://workstreams/INFRA-WP-0001', 'Plan the cluster'],
      ]),
    );
    const { contents } = await session.client.readResource({ uri: 'statehub://workstreams/STATE-WP-0064' });
    expect(contents).toHaveLength(1);
    expect(contents[0]).toMatchObject({ uri: 'statehub://workstreams/STATE-WP-0064', mimeType: 'text/markdown' });
    const text = (contents[0] as { text: string }).text;
    expect(text).toContain('# STATE-WP-0064 — Move the sweep');
    expect(text).toContain('- status: active');
    expect(text).toContain('- [ ] STATE-WP-0064-T01 — Wire the definition (todo, high)');
    expect(text).toContain('- [ ] STATE-WP-0064-T02 — Retire the timer (todo, medium)');
  });

  it('answers an unknown workstream resource with a protocol error that names it', async () => {
    await expect(session.client.readResource({ uri: 'statehub://workstreams/NOPE-WP-0001' })).rejects.toThrow(
      /no workstream with workplan_id NOPE-WP-0001/,
    );
    expect((await call('get_workstream', { id: randomUUID() })).isError).toBe(true);
  });

  it('wrote its logs to stderr', () => {
    expect(session.stderr()).toContain('serving MCP on stdio');
  });
});
