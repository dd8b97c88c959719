// Talks to the hub directly, through the generated hub client: seeds it the
// way a user would, and reads what it holds, to compare with what the MCP tools answer.
import { call, createHubClient, type HubClient } from '@state-hub/hub-client';

export type HubHttp = HubClient;

export function hubHttp(url: string, token?: string): HubHttp {
  return createHubClient({ baseUrl: url, token });
}

export interface Seeded {
  workstreamId: string;
  draftWorkstreamId: string;
  taskIds: string[];
  decisionId: string;
  resolvedDecisionId: string;
}

/**
 * Two domains' worth of state: an active workplan with tasks, a draft one, an open decision and a resolved one (of
 * the active workplan's workstream).
 */
export async function seedHub(hub: HubHttp): Promise<Seeded> {
  await call(hub.POST('/domains', { body: { slug: 'custodian', name: 'The Custodian' } }));
  const remote_url = 'git@example.org:org/state-hub.git';
  await call(hub.POST('/repos', { body: { slug: 'state-hub', name: 'State Hub', domain: 'custodian', remote_url } }));
  await call(
    hub.POST('/repos', { body: { slug: 'infra', name: 'Infra', domain: 'custodian', local_path: '/srv/infra' } }),
  );
  const ws = await call(
    hub.POST('/workstreams', {
      body: { repo: 'state-hub', workplan_id: 'STATE-WP-0064', title: 'Move the sweep', status: 'active' },
    }),
  );
  const draft = await call(
    hub.POST('/workstreams', { body: { repo: 'infra', workplan_id: 'INFRA-WP-0001', title: 'Plan the cluster' } }),
  );
  const taskIds: string[] = [];
  for (const [key, title, priority] of [
    ['STATE-WP-0064-T01', 'Wire the definition', 'high'],
    ['STATE-WP-0064-T02', 'Retire the timer', 'medium'],
  ] as const) {
    const task = await call(hub.POST('/tasks', { body: { workstream_id: ws.id, task_key: key, title, priority } }));
    taskIds.push(task.id);
  }
  await call(
    hub.POST('/tasks', { body: { workstream_id: draft.id, task_key: 'INFRA-WP-0001-T01', title: 'Pick nodes' } }),
  );
  const decision = await call(
    hub.POST('/decisions', {
      body: { domain: 'custodian', title: 'Which cluster runs the sweep?', context: 'Two candidates.' },
    }),
  );
  const resolved = await call(
    hub.POST('/decisions', {
      body: { domain: 'custodian', title: 'Keep the timer?', repo: 'state-hub', workstream_id: ws.id },
    }),
  );
  const resolution = { resolution: 'No.', resolved_by: 'tegwick' };
  await call(hub.POST('/decisions/{id}/resolve', { params: { path: { id: resolved.id } }, body: resolution }));
  return {
    workstreamId: ws.id,
    draftWorkstreamId: draft.id,
    taskIds,
    decisionId: decision.id,
    resolvedDecisionId: resolved.id,
  };
}
