import { z } from 'zod';
import { LONG_TEXT_MAX, dbId, oneOf, text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

export const taskStale = defineSubject({
  subject: SUBJECTS.taskStale,
  firedWhen: 'The stale-task cleanup cancels or flags a task that has not moved for too long.',
  schema: z.strictObject({
    task_id: dbId('Id of the task row.'),
    task_key: text('Key of the task within its workplan.'),
    workstream_id: dbId('Id of the workstream the task belongs to.'),
    repo_slug: text('Slug of the repo holding the workplan.'),
    reason: text('Why the task counts as stale.', LONG_TEXT_MAX),
    action: oneOf(['cancelled', 'flagged'], 'What the cleanup did to the task.'),
    previous_status: oneOf(['todo', 'in_progress', 'blocked'], 'Status of the task before the cleanup.'),
  }),
  example: {
    task_id: '4e2b8d6f-1a3c-4f5e-9d7b-8c6a2e4f1b39',
    task_key: 'STATE-WP-0064-T03',
    workstream_id: '0b8e6a52-93f4-4d17-a1c6-5e2f8d4b7a31',
    repo_slug: 'state-hub',
    reason: 'No progress for 30 days while in_progress',
    action: 'flagged',
    previous_status: 'in_progress',
  },
});
