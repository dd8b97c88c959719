// The two sanctioned writes over stdio with the built server: they go through
// the hub's API (same rules, same transaction) and so fire the hub's events on
// its JetStream stream (own nats-server).
import { startHub, type HubProcess } from '../testing/hub-process';
import { call as answerOf } from '@state-hub/hub-client';
import { type HubHttp, hubHttp, type Seeded, seedHub } from '../testing/hub-seed';
import { callTool, connectStdio, type StdioSession, textOf } from '../testing/mcp-client';
import { TEST_TOKEN } from '../testing/tool-assertions';
import { eventually, readStream } from '@state-hub/testing';

describe('state-hub-mcp writes over stdio (built app, real hub, own NATS)', () => {
  let hub: HubProcess;
  let http: HubHttp;
  let seeded: Seeded;
  let session: StdioSession;
  const call = (name: string, args: Record<string, unknown> = {}) => callTool(session.client, name, args);

  beforeAll(async () => {
    hub = await startHub({ token: TEST_TOKEN, withNats: true });
    http = hubHttp(hub.url, TEST_TOKEN);
    seeded = await seedHub(http);
    session = await connectStdio({ STATE_HUB_URL: hub.url, STATE_HUB_API_TOKEN: TEST_TOKEN });
  });
  afterAll(async () => {
    await session?.close();
    await hub?.stop();
  });

  it('resolve_decision resolves it through the API and fires exactly one decision.resolved event', async () => {
    const result = await call('resolve_decision', {
      decision_id: seeded.decisionId,
      resolution: 'Railiance01 runs it.',
      resolved_by: 'claude-code',
    });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toBe(
      `Resolved decision ${seeded.decisionId} "Which cluster runs the sweep?" by claude-code.`,
    );
    const decision = await answerOf(http.GET('/decisions/{id}', { params: { path: { id: seeded.decisionId } } }));
    expect(decision).toMatchObject({
      status: 'resolved',
      resolution: 'Railiance01 runs it.',
      resolved_by: 'claude-code',
    });
    expect(result.structuredContent).toEqual(decision);

    // Once the hub's outbox is empty, everything it will publish is on the stream.
    await eventually(async () =>
      expect(await answerOf(http.GET('/state/health'))).toMatchObject({ nats: 'up', outbox_pending: 0 }),
    );
    const resolvedEvents = (await readStream(hub.nats?.url ?? '')).filter(
      (e) =>
        e.subject === 'org.statehub.decision.resolved' &&
        (e.envelope['attributes'] as Record<string, unknown>)['decision_id'] === seeded.decisionId,
    );
    expect(resolvedEvents).toHaveLength(1);
    expect(resolvedEvents[0].envelope).toMatchObject({
      type: 'org.statehub.decision.resolved',
      publisher: 'state-hub',
      attributes: {
        decision_id: seeded.decisionId,
        title: 'Which cluster runs the sweep?',
        domain: 'custodian',
        resolution: 'Railiance01 runs it.',
        resolved_by: 'claude-code',
      },
    });
  });

  it('add_progress_event records an event that GET /progress-events and list_progress_events show', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const result = await call('add_progress_event', {
      event_type: 'task_completed',
      summary: 'Wired the definition',
      repo: 'state-hub',
      workstream_id: seeded.workstreamId,
      task_id: seeded.taskIds[0],
      detail: { pr: 42 },
      actor: 'claude-code',
    });
    expect(result.isError).toBeFalsy();
    const id = (result.structuredContent as { id: string }).id;
    expect(textOf(result)).toBe(`Recorded progress event ${id} (task_completed).`);

    const listed = await answerOf(
      http.GET('/progress-events', { params: { query: { event_type: 'task_completed' } } }),
    );
    expect(listed.items).toEqual([
      expect.objectContaining({
        id,
        summary: 'Wired the definition',
        workstream_id: seeded.workstreamId,
        task_id: seeded.taskIds[0],
        detail: { pr: 42 },
        actor: 'claude-code',
      }),
    ]);
    const viaTool = await call('list_progress_events', { repo: 'state-hub', event_type: 'task_completed', since });
    expect(viaTool.structuredContent).toEqual(
      await answerOf(
        http.GET('/progress-events', {
          params: { query: { repo: 'state-hub', event_type: 'task_completed', since, limit: 20 } },
        }),
      ),
    );
    expect(textOf(viaTool)).toContain('task_completed: Wired the definition');
  });
});
