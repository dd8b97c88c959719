import { z } from 'zod';
import { TITLE_MAX, dbId, oneOf, text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

export const workstreamCompleted = defineSubject({
  subject: SUBJECTS.workstreamCompleted,
  firedWhen:
    "A workstream's status changes to `completed`, whether a client set it through the API or the consistency sweep did.",
  schema: z.strictObject({
    workstream_id: dbId('Id of the workstream row.'),
    workplan_id: text('Id of the workplan the workstream tracks, e.g. `STATE-WP-0064`.'),
    repo_slug: text('Slug of the repo holding the workplan.'),
    title: text('Title of the workstream.', TITLE_MAX),
    previous_status: oneOf(['draft', 'active', 'blocked', 'archived'], 'Status before it became `completed`.'),
    via: oneOf(['api', 'sweep'], 'Who completed it: `api` for an API call, `sweep` for the consistency sweep.'),
  }),
  example: {
    workstream_id: '0b8e6a52-93f4-4d17-a1c6-5e2f8d4b7a31',
    workplan_id: 'STATE-WP-0064',
    repo_slug: 'state-hub',
    title: 'Publish lifecycle events through a transactional outbox',
    previous_status: 'active',
    via: 'sweep',
  },
});
