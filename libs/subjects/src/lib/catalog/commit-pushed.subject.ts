import { z } from 'zod';
import { text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

/** A full git object id: SHA-1 (40 hex) or SHA-256 (64 hex), lowercase. */
const GIT_SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

const gitSha = (description: string) =>
  z
    .string()
    .regex(GIT_SHA_PATTERN, { error: 'must be a full commit sha: 40 or 64 lowercase hex characters' })
    .describe(description);

export const commitPushed = defineSubject({
  subject: SUBJECTS.commitPushed,
  firedWhen:
    "A registered repo's git hook reports a commit (`POST /repos/:slug/commits`), or a git host's signed " +
    'push webhook names the repo (`POST /webhooks/{github,gitea,gitlab}`).',
  schema: z.strictObject({
    repo_slug: text('Slug of the registered repo.'),
    ref: text('Git ref that received the commit, e.g. `refs/heads/main`.'),
    sha: gitSha('Full commit sha: 40 (SHA-1) or 64 (SHA-256) lowercase hex characters (a push: its new head).'),
    before: gitSha(
      "Webhook pushes only: the ref's head before the push; absent when the push created the ref.",
    ).optional(),
    pusher: text('Webhook pushes only: who pushed, as the git host names them.').optional(),
    commit_count: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Webhook pushes only: how many commits the push brought, as the git host counts them.'),
  }),
  example: {
    repo_slug: 'state-hub',
    ref: 'refs/heads/main',
    sha: '9fceb02d0ae598e95dc970b74767f19372d61af8',
  },
});
