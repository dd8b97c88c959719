import { z } from 'zod';
import { URL_OR_PATH_MAX, dbId, nullableText, text } from '../attribute-fields';
import { SUBJECTS } from '../subject-names';
import { defineSubject } from '../subject-spec';

export const repoRegistered = defineSubject({
  subject: SUBJECTS.repoRegistered,
  firedWhen: 'A repo is registered with the hub (`POST /repos`).',
  schema: z.strictObject({
    repo_id: dbId('Id of the new repo row.'),
    repo_slug: text('Unique slug of the repo, e.g. `state-hub`.'),
    name: text('Human-readable name of the repo.'),
    domain: text('Slug of the domain the repo belongs to.'),
    remote_url: nullableText('Git remote URL; null when the repo has no remote.', URL_OR_PATH_MAX),
    local_path: nullableText("Path of the checkout on the hub's host; null when unknown.", URL_OR_PATH_MAX),
    default_branch: text('Default branch, e.g. `main`.'),
  }),
  example: {
    repo_id: '6f1c2b7e-4d3a-4c8e-9b1f-2a7d5e3c9f10',
    repo_slug: 'state-hub',
    name: 'State Hub',
    domain: 'platform',
    remote_url: 'git@github.com:example-org/state-hub.git',
    local_path: null,
    default_branch: 'main',
  },
});
