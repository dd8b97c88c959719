import { z } from 'zod';
import type { HubSchemas } from '@state-hub/hub-client';
import { renderPage } from './render-list';
import { eventTypeField, limitField, offsetField, slugField, textField, uuidField } from './tool-fields';
import { defineTool, READ_ONLY, SANCTIONED_WRITE } from './tool-definition';

const MAX_DETAIL_CHARS = 100_000;
const eventLine = (e: HubSchemas['ProgressEventView']) => `${e.occurred_at} ${e.event_type}: ${e.summary} (id ${e.id})`;

export const listProgressEventsTool = defineTool({
  name: 'list_progress_events',
  title: 'List progress events',
  description: 'Use to see what was done recently (newest first), e.g. before picking up work in a repo.',
  input: z.strictObject({
    repo: slugField('only events of this repo (slug)').optional(),
    event_type: eventTypeField('only events of this type, e.g. task_completed').optional(),
    since: z.iso
      .datetime({ offset: true, error: 'must be an RFC 3339 timestamp, e.g. 2026-11-23T10:00:00Z' })
      .describe('only events that occurred at or after this time (RFC 3339)')
      .optional(),
    limit: limitField(20),
    offset: offsetField(),
  }),
  output: 'ProgressEventPage',
  annotations: READ_ONLY,
  async run(args, hub) {
    const data = await hub.read('ProgressEventPage', (api) => api.GET('/progress-events', { params: { query: args } }));
    return { data, text: renderPage(data, 'progress events', eventLine) };
  },
});

export const addProgressEventTool = defineTool({
  name: 'add_progress_event',
  title: 'Record progress',
  description:
    'Use after finishing a meaningful step (task done, blocker found, PR opened) to record it in the hub for people and agents.',
  input: z.strictObject({
    event_type: eventTypeField('what kind of step, lowercase snake_case, e.g. task_completed'),
    summary: textField(4000, 'one or two sentences on what happened'),
    repo: slugField('repo the work was in (slug)').optional(),
    workstream_id: uuidField('workstream the work belongs to').optional(),
    task_id: uuidField('task the work belongs to').optional(),
    detail: z
      .record(z.string(), z.unknown())
      .refine((d) => JSON.stringify(d).length <= MAX_DETAIL_CHARS, {
        error: `must be at most ${MAX_DETAIL_CHARS} characters as JSON`,
      })
      .describe('structured detail (a JSON object), e.g. {"pr": 42}')
      .optional(),
    actor: textField(200, 'who recorded it, e.g. the agent name').optional(),
  }),
  output: 'ProgressEventView',
  annotations: { ...SANCTIONED_WRITE, title: 'Record progress' },
  async run(args, hub) {
    const data = await hub.write('ProgressEventView', (api) => api.POST('/progress-events', { body: args }));
    return { data, text: `Recorded progress event ${data.id} (${data.event_type}).` };
  },
});
