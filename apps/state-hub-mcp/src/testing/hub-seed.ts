// Talks to the hub directly over HTTP: seeds it the way a user would, and reads
// what it holds, to compare with what the MCP tools answer.

export interface HubHttp {
  get<T = Record<string, unknown>>(path: string): Promise<T>;
  post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>;
}

export function hubHttp(url: string, token?: string): HubHttp {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  };
  return { get: (path) => call('GET', path), post: (path, body) => call('POST', path, body) };
}

export interface Seeded {
  workstreamId: string;
  draftWorkstreamId: string;
  taskIds: string[];
  decisionId: string;
  resolvedDecisionId: string;
}

/** Two domains' worth of state: an active workplan with tasks, a draft one, an open and a resolved decision. */
export async function seedHub(hub: HubHttp): Promise<Seeded> {
  await hub.post('/domains', { slug: 'custodian', name: 'The Custodian' });
  await hub.post('/repos', {
    slug: 'state-hub',
    name: 'State Hub',
    domain: 'custodian',
    remote_url: 'git@example.org:org/state-hub.git',
  });
  await hub.post('/repos', { slug: 'infra', name: 'Infra', domain: 'custodian', local_path: '/srv/infra' });
  const ws = await hub.post<{ id: string }>('/workstreams', {
    repo: 'state-hub',
    workplan_id: 'STATE-WP-0064',
    title: 'Move the sweep',
    status: 'active',
  });
  const draft = await hub.post<{ id: string }>('/workstreams', {
    repo: 'infra',
    workplan_id: 'INFRA-WP-0001',
    title: 'Plan the cluster',
  });
  const taskIds: string[] = [];
  for (const [key, title, priority] of [
    ['STATE-WP-0064-T01', 'Wire the definition', 'high'],
    ['STATE-WP-0064-T02', 'Retire the timer', 'medium'],
  ]) {
    const task = await hub.post<{ id: string }>('/tasks', { workstream_id: ws.id, task_key: key, title, priority });
    taskIds.push(task.id);
  }
  await hub.post('/tasks', { workstream_id: draft.id, task_key: 'INFRA-WP-0001-T01', title: 'Pick nodes' });
  const decision = await hub.post<{ id: string }>('/decisions', {
    domain: 'custodian',
    title: 'Which cluster runs the sweep?',
    context: 'Two candidates.',
  });
  const resolved = await hub.post<{ id: string }>('/decisions', { domain: 'custodian', title: 'Keep the timer?' });
  await hub.post(`/decisions/${resolved.id}/resolve`, { resolution: 'No.', resolved_by: 'tegwick' });
  return {
    workstreamId: ws.id,
    draftWorkstreamId: draft.id,
    taskIds,
    decisionId: decision.id,
    resolvedDecisionId: resolved.id,
  };
}
