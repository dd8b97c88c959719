import { z } from 'zod';
import { TITLE_MAX, dbId, oneOf, text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

export const domainGoalActivated = defineSubject({
  subject: SUBJECTS.domainGoalActivated,
  firedWhen: 'A domain goal is activated (`POST /domain-goals/:id/activate`).',
  schema: z.strictObject({
    goal_id: dbId('Id of the domain goal row.'),
    domain: text('Slug of the domain the goal belongs to.'),
    title: text('Title of the goal.', TITLE_MAX),
    previous_status: oneOf(['proposed', 'abandoned'], 'Status before it became `active`.'),
  }),
  example: {
    goal_id: '9a7f3c21-5e84-4b6d-b2a9-7c1e4f8d3a56',
    domain: 'platform',
    title: 'Every scheduled maintenance job runs as an activity definition',
    previous_status: 'proposed',
  },
});
