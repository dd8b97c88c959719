import { z } from 'zod';
import { LONG_TEXT_MAX, TITLE_MAX, dbId, text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

export const decisionResolved = defineSubject({
  subject: SUBJECTS.decisionResolved,
  firedWhen: 'An open decision is resolved (`POST /decisions/:id/resolve`).',
  schema: z.strictObject({
    decision_id: dbId('Id of the decision row.'),
    title: text('Title of the decision.', TITLE_MAX),
    domain: text('Slug of the domain the decision belongs to.'),
    resolution: text('What was decided.', LONG_TEXT_MAX),
    resolved_by: text('Who resolved it (person or agent).'),
  }),
  example: {
    decision_id: 'c3d9a1e4-7b52-4f08-8e6d-1a4b9c2f5e73',
    title: 'Which message broker carries lifecycle events?',
    domain: 'platform',
    resolution: 'NATS JetStream, one stream ACTIVITY_EVENTS on subjects org.>',
    resolved_by: 'lead-engineer',
  },
});
