// What an agent can get wrong — a bad argument, an unknown id, a decision
// someone already resolved — comes back as a tool result with isError and a
// one-line reason, changes nothing, and the session keeps working.
import { randomUUID } from 'node:crypto';
import { startHub, type HubProcess } from '../testing/hub-process';
import { call as answerOf } from '@state-hub/hub-client';
import { type HubHttp, hubHttp, type Seeded, seedHub } from '../testing/hub-seed';
import { callTool, connectStdio, type StdioSession } from '../testing/mcp-client';
import { expectStillServing, expectToolError, TEST_TOKEN } from '../testing/tool-assertions';

describe('state-hub-mcp: bad input (built app over stdio, real hub)', () => {
  let hub: HubProcess;
  let http: HubHttp;
  let seeded: Seeded;
  let session: StdioSession;

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

  describe('bad arguments, named in the reason', () => {
    it.each([
      ['get_next_steps', { limit: 500 }, /^get_next_steps: limit: must be an integer between 1 and 100$/],
      ['get_next_steps', { limit: '5' }, /^get_next_steps: limit: must be an integer between 1 and 100$/],
      ['get_repo', { slug: 'Not A Slug' }, /^get_repo: slug: must be a lowercase slug/],
      ['get_repo', {}, /^get_repo: slug: required$/],
      ['list_workstreams', { status: 'done' }, /^list_workstreams: status: must be one of 'draft', 'active'/],
      ['get_workstream', { workplanId: 'STATE-WP-0064' }, /^get_workstream: workplanId: unknown field$/],
      ['get_workstream', {}, /^get_workstream: pass exactly one of id or workplan_id$/],
      ['get_workstream', { id: randomUUID(), workplan_id: 'STATE-WP-0064' }, /exactly one of id or workplan_id/],
      [
        'get_workstream',
        { id: randomUUID(), repo: 'infra' },
        /^get_workstream: repo goes with workplan_id only; pass id alone$/,
      ],
      ['list_progress_events', { since: 'yesterday' }, /^list_progress_events: since: must be an RFC 3339 timestamp/],
      [
        'add_progress_event',
        { event_type: 'Task Done', summary: '' },
        /^add_progress_event: event_type: must be lowercase snake_case.*; summary: must not be empty$/,
      ],
      [
        'resolve_decision',
        { decision_id: 'abc', resolution: 'x', resolved_by: 'y' },
        /^resolve_decision: decision_id: must be a UUID$/,
      ],
      ['resolve_decision', { decision_id: randomUUID(), resolved_by: 'y' }, /^resolve_decision: resolution: required$/],
    ])('%s %j', async (name, args, reason) => {
      await expectToolError(session.client, name, args, reason);
      await expectStillServing(session.client);
    });

    it('a too-long resolution is refused before the hub is asked', async () => {
      const args = { decision_id: seeded.decisionId, resolution: 'x'.repeat(10_001), resolved_by: 'y' };
      await expectToolError(
        session.client,
        'resolve_decision',
        args,
        /^resolve_decision: resolution: must be at most 10000 characters$/,
      );
      expect(
        await answerOf(http.GET('/decisions/{id}', { params: { path: { id: seeded.decisionId } } })),
      ).toMatchObject({ status: 'open' });
    });
  });

  describe('unknown ids (404), with the hub’s message', () => {
    it('get_workstream by id', async () => {
      const id = randomUUID();
      await expectToolError(
        session.client,
        'get_workstream',
        { id },
        new RegExp(`^get_workstream: workstream ${id} not found$`),
      );
      await expectStillServing(session.client);
    });

    it('get_workstream by workplan_id', async () => {
      await expectToolError(
        session.client,
        'get_workstream',
        { workplan_id: 'NOPE-WP-0001' },
        /^get_workstream: no workstream with workplan_id NOPE-WP-0001$/,
      );
    });

    it('get_repo', async () => {
      await expectToolError(session.client, 'get_repo', { slug: 'nope' }, /^get_repo: repo 'nope' not found$/);
    });

    it('resolve_decision', async () => {
      const id = randomUUID();
      const args = { decision_id: id, resolution: 'x', resolved_by: 'y' };
      await expectToolError(
        session.client,
        'resolve_decision',
        args,
        new RegExp(`^resolve_decision: decision ${id} not found$`),
      );
      await expectStillServing(session.client);
    });

    it('add_progress_event for a repo the hub does not know (422)', async () => {
      const args = { event_type: 'note', summary: 'x', repo: 'nope' };
      await expectToolError(session.client, 'add_progress_event', args, /^add_progress_event: repo 'nope' not found$/);
    });
  });

  it('an already resolved decision (409) names who resolved it, and changes nothing', async () => {
    const before = await answerOf(http.GET('/decisions/{id}', { params: { path: { id: seeded.resolvedDecisionId } } }));
    const args = { decision_id: seeded.resolvedDecisionId, resolution: 'Yes after all', resolved_by: 'someone' };
    await expectToolError(
      session.client,
      'resolve_decision',
      args,
      new RegExp(`^resolve_decision: decision ${seeded.resolvedDecisionId} was already resolved by tegwick at \\S+Z$`),
    );
    expect(
      await answerOf(http.GET('/decisions/{id}', { params: { path: { id: seeded.resolvedDecisionId } } })),
    ).toEqual(before);
    await expectStillServing(session.client);
  });

  it('a workplan_id in two repos asks for repo or id, and repo settles it', async () => {
    const twin = await answerOf(
      http.POST('/workstreams', {
        body: { repo: 'infra', workplan_id: 'STATE-WP-0064', title: 'Same id, other repo' },
      }),
    );
    await expectToolError(
      session.client,
      'get_workstream',
      { workplan_id: 'STATE-WP-0064' },
      /^get_workstream: workplan_id STATE-WP-0064 is in several repos \((infra, state-hub|state-hub, infra)\): pass repo or id$/,
    );
    const settled = await callTool(session.client, 'get_workstream', { workplan_id: 'STATE-WP-0064', repo: 'infra' });
    expect(settled.structuredContent).toMatchObject({ id: twin.id, repo: 'infra', tasks: [] });
    // An id names its workstream already: a repo beside it is refused, not ignored (even the right one).
    await expectToolError(
      session.client,
      'get_workstream',
      { id: twin.id, repo: 'infra' },
      /^get_workstream: repo goes with workplan_id only; pass id alone$/,
    );
  });

  it('lists a workplan_id in two repos once per repo, each URI distinct and readable', async () => {
    const { resources } = await session.client.listResources();
    const uris = resources.map((r) => r.uri);
    expect(new Set(uris).size).toBe(uris.length);
    expect(uris).toEqual(
      expect.arrayContaining([
        'statehub://workstreams/STATE-WP-0064?repo=state-hub',
        'statehub://workstreams/STATE-WP-0064?repo=infra',
        'statehub://workstreams/INFRA-WP-0001',
      ]),
    );
    expect(uris).not.toContain('statehub://workstreams/STATE-WP-0064');

    const inInfra = await session.client.readResource({ uri: 'statehub://workstreams/STATE-WP-0064?repo=infra' });
    expect((inInfra.contents[0] as { text: string }).text).toContain('# STATE-WP-0064 — Same id, other repo');
    const inHub = await session.client.readResource({ uri: 'statehub://workstreams/STATE-WP-0064?repo=state-hub' });
    expect((inHub.contents[0] as { text: string }).text).toContain('# STATE-WP-0064 — Move the sweep');
    await expect(session.client.readResource({ uri: 'statehub://workstreams/STATE-WP-0064' })).rejects.toThrow(
      /is in several repos \((infra, state-hub|state-hub, infra)\): read statehub:\/\/workstreams\/STATE-WP-0064\?repo=<slug>/,
    );
    await expect(
      session.client.readResource({ uri: 'statehub://workstreams/STATE-WP-0064?repo=nope' }),
    ).rejects.toThrow(/STATE-WP-0064\?repo=nope: repo 'nope' not found/);
    await expect(
      session.client.readResource({ uri: 'statehub://workstreams/STATE-WP-0064?repo=infra&x=1' }),
    ).rejects.toThrow(/unknown query parameter x/);
    await expectStillServing(session.client);
  });

  it('logged each failure to stderr, one line per failure', () => {
    expect(session.stderr()).toMatch(/resolve_decision: decision .* was already resolved by tegwick/);
  });
});
