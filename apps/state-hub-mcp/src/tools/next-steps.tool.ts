import { z } from 'zod';
import { limitField, slugField } from './tool-fields';
import { defineTool, READ_ONLY } from './tool-definition';

export const getNextStepsTool = defineTool({
  name: 'get_next_steps',
  title: 'Next steps',
  description:
    'Use first when deciding what to work on: the open, unblocked tasks of active workstreams, highest priority and oldest first.',
  input: z.strictObject({
    domain: slugField('only tasks in this domain (slug)').optional(),
    repo: slugField('only tasks in this repo (slug)').optional(),
    limit: limitField(10),
  }),
  output: 'NextStepsView',
  annotations: READ_ONLY,
  async run(args, hub) {
    const data = await hub.read('NextStepsView', (api) => api.GET('/next-steps', { params: { query: args } }));
    const text =
      data.items.length === 0
        ? 'No open, unblocked tasks in active workstreams match.'
        : [
            `${data.items.length} next step(s), most urgent first:`,
            ...data.items.map(
              (s) =>
                `- [${s.priority}] ${s.task_key} ${s.title} (${s.status}; ${s.repo} ${s.workplan_id}; task_id ${s.task_id})`,
            ),
          ].join('\n');
    return { data, text };
  },
});
