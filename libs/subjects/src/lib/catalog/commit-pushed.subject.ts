import { z } from 'zod';
import { text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

/** A full git object id: SHA-1 (40 hex) or SHA-256 (64 hex), lowercase. */
const GIT_SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

export const commitPushed = defineSubject({
  subject: SUBJECTS.commitPushed,
  firedWhen: "A registered repo's git hook reports a commit (`POST /repos/:slug/commits`).",
  schema: z.strictObject({
    repo_slug: text('Slug of the registered repo.'),
    ref: text('Git ref that received the commit, e.g. `refs/heads/main`.'),
    sha: z
      .string()
      .regex(GIT_SHA_PATTERN, { error: 'must be a full commit sha: 40 or 64 lowercase hex characters' })
      .describe('Full commit sha: 40 (SHA-1) or 64 (SHA-256) lowercase hex characters.'),
  }),
  example: {
    repo_slug: 'state-hub',
    ref: 'refs/heads/main',
    sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  },
});
