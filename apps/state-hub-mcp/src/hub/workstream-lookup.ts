// A workstream by its workplan id (what agents and workplan files know), with
// its tasks. Workplan ids are unique per repo, so `repo` settles a tie.
import type { HubClient } from './hub-client.service';
import { HubError } from './hub-error';
import { pageSchema, type WorkstreamDetailView, WorkstreamDetailViewSchema, WorkstreamViewSchema } from './hub-views';

const MatchesSchema = pageSchema(WorkstreamViewSchema);

export async function getWorkstreamDetail(hub: HubClient, id: string): Promise<WorkstreamDetailView> {
  return hub.get(`/workstreams/${encodeURIComponent(id)}`, WorkstreamDetailViewSchema);
}

export async function findWorkstreamByWorkplanId(
  hub: HubClient,
  workplanId: string,
  repo?: string,
  /** What to do about a workplan id that several repos share (tools and resources say it differently). */
  ambiguityHint = 'pass repo or id',
): Promise<WorkstreamDetailView> {
  const matches = await hub.get('/workstreams', MatchesSchema, { workplan_id: workplanId, repo, limit: 10 });
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
