import { z } from 'zod';
import type { HubSchemas } from '@state-hub/hub-client';
import { renderPage } from './render-list';
import { decisionStatusField, limitField, offsetField, slugField, textField, uuidField } from './tool-fields';
import { defineTool, READ_ONLY, SANCTIONED_WRITE } from './tool-definition';

const decisionLine = (d: HubSchemas['DecisionView']) =>
  `[${d.status}] ${d.title} (domain ${d.domain}; id ${d.id})` +
  (d.status === 'resolved' ? ` resolved by ${d.resolved_by}: ${d.resolution}` : '');

export const listDecisionsTool = defineTool({
  name: 'list_decisions',
  title: 'List decisions',
  description:
    'Use to find decisions that are open (waiting for an answer) or resolved, in a domain, a repo or a workstream.',
  input: z.strictObject({
    domain: slugField('only decisions of this domain (slug)').optional(),
    repo: slugField('only decisions that concern this repo (slug)').optional(),
    workstream_id: uuidField('only decisions that concern this workstream (id)').optional(),
    status: decisionStatusField().optional(),
    limit: limitField(50),
    offset: offsetField(),
  }),
  output: 'DecisionPage',
  annotations: READ_ONLY,
  async run(args, hub) {
    const data = await hub.read('DecisionPage', (api) => api.GET('/decisions', { params: { query: args } }));
    return { data, text: renderPage(data, 'decisions', decisionLine) };
  },
});

export const resolveDecisionTool = defineTool({
  name: 'resolve_decision',
  title: 'Resolve decision',
  description:
    'Use when an open decision has been answered: records the resolution once and announces it (decision.resolved).',
  input: z.strictObject({
    decision_id: uuidField('id of the open decision'),
    resolution: textField(10000, 'what was decided, and why'),
    resolved_by: textField(200, 'who decided (a person or agent name)'),
  }),
  output: 'DecisionView',
  annotations: { ...SANCTIONED_WRITE, title: 'Resolve decision' },
  async run({ decision_id, ...body }, hub) {
    const data = await hub.write('DecisionView', (api) =>
      api.POST('/decisions/{id}/resolve', { params: { path: { id: decision_id } }, body }),
    );
    return { data, text: `Resolved decision ${data.id} "${data.title}" by ${data.resolved_by}.` };
  },
});
