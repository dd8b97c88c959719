// A workstream by its workplan id (what agents and workplan files know), with
// its tasks. Workplan ids are unique per repo, so `repo` settles a tie.
import type { HubSchemas } from '@state-hub/hub-client';
import type { HubApi } from './hub-api.service';
import { HubError } from './hub-error';

type WorkstreamDetail = HubSchemas['WorkstreamDetailView'];

export async function getWorkstreamDetail(hub: HubApi, id: string): Promise<WorkstreamDetail> {
  return hub.read('WorkstreamDetailView', (api) => api.GET('/workstreams/{id}', { params: { path: { id } } }));
}

export async function findWorkstreamByWorkplanId(
  hub: HubApi,
  workplanId: string,
  repo?: string,
  /** What to do about a workplan id that several repos share (tools and resources say it differently). */
  ambiguityHint = 'pass repo or id',
): Promise<WorkstreamDetail> {
  const matches = await hub.read('WorkstreamPage', (api) =>
    api.GET('/workstreams', { params: { query: { workplan_id: workplanId, repo, limit: 10 } } }),
  );
  const where = repo ? ` in repo '${repo}'` : '';
  if (matches.items.length === 0) {
    throw new HubError('not_found', `no workstream with workplan_id ${workplanId}${where}`);
  }
  if (matches.items.length > 1) {
    const repos = matches.items.map((w) => w.repo).join(', ');
    throw new HubError('ambiguous', `workplan_id ${workplanId} is in several repos (${repos}): ${ambiguityHint}`);
  }
  return getWorkstreamDetail(hub, matches.items[0].id);
}
