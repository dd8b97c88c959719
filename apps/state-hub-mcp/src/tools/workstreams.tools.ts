import { z } from 'zod';
import type { HubSchemas } from '@state-hub/hub-client';
import { findWorkstreamByWorkplanId, getWorkstreamDetail } from '../hub/workstream-lookup';
import { renderPage } from './render-list';
import { limitField, offsetField, slugField, uuidField, workplanIdField, workstreamStatusField } from './tool-fields';
import { defineTool, READ_ONLY, ToolInputError } from './tool-definition';

const workstreamLine = (w: HubSchemas['WorkstreamView']) =>
  `${w.workplan_id} [${w.status}] ${w.title} (repo ${w.repo}; id ${w.id})`;

export const listWorkstreamsTool = defineTool({
  name: 'list_workstreams',
  title: 'List workstreams',
  description: 'Use to browse the workplans (one workstream each) of a repo or in a status, e.g. the active ones.',
  input: z.strictObject({
    repo: slugField('only workstreams of this repo (slug)').optional(),
    status: workstreamStatusField().optional(),
    limit: limitField(50),
    offset: offsetField(),
  }),
  output: 'WorkstreamPage',
  annotations: READ_ONLY,
  async run(args, hub) {
    const data = await hub.read('WorkstreamPage', (api) => api.GET('/workstreams', { params: { query: args } }));
    return { data, text: renderPage(data, 'workstreams', workstreamLine) };
  },
});

export const getWorkstreamTool = defineTool({
  name: 'get_workstream',
  title: 'Get workstream',
  description:
    'Use to read one workplan with its tasks, by workstream id or by workplan_id (e.g. STATE-WP-0064); pass exactly one.',
  input: z.strictObject({
    id: uuidField('workstream id').optional(),
    workplan_id: workplanIdField('workplan id, e.g. STATE-WP-0064').optional(),
    repo: slugField('repo slug, with workplan_id only: when the workplan_id exists in several repos').optional(),
  }),
  output: 'WorkstreamDetailView',
  annotations: READ_ONLY,
  async run(args, hub) {
    const { id, workplan_id, repo } = args;
    // An id names one workstream already; a repo beside it would be silently ignored, so it is refused.
    if (id !== undefined && workplan_id === undefined && repo !== undefined) {
      throw new ToolInputError('repo goes with workplan_id only; pass id alone');
    }
    let data;
    if (id !== undefined && workplan_id === undefined) data = await getWorkstreamDetail(hub, id);
    else if (workplan_id !== undefined && id === undefined)
      data = await findWorkstreamByWorkplanId(hub, workplan_id, repo);
    else throw new ToolInputError('pass exactly one of id or workplan_id');
    const tasks = data.tasks.map((t) => `- [${t.status}] ${t.task_key} ${t.title} (${t.priority}; task_id ${t.id})`);
    const text = [workstreamLine(data), `${data.tasks.length} task(s):`, ...tasks].join('\n');
    return { data, text };
  },
});
