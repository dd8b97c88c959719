// What the hub takes from a push a git host reported: a branch's new head, with
// the ref, sha and optional attributes of org.repo.commit.pushed. Deletions and
// tag pushes are answered 202 with the reason; a malformed ref or sha is a 400.
import { BadRequestError } from '@state-hub/nest-http';
import { SHORT_TEXT_MAX } from '@state-hub/subjects';
import type { PushedCommit } from '../repos/repos.service';
import type { HostPush } from './hosts/webhook-host';

const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const NO_COMMIT = /^0+$/;
/** The refs POST /repos/:slug/commits and /sync take (the per-commit sync passes the ref on). */
const GIT_REF = /^refs\/[A-Za-z0-9._/-]+$/;
const BRANCH = 'refs/heads/';

export type PushVerdict = { kind: 'ignored'; reason: string } | { kind: 'commit'; commit: PushedCommit };

function sha(value: string, field: 'after' | 'before'): string {
  const lower = value.toLowerCase();
  if (!SHA.test(lower)) throw new BadRequestError(`${field} must be a full commit sha: 40 or 64 hex characters`, field);
  return lower;
}

/** Decides what a push becomes; throws a 400 naming the field when the payload's ref or shas are malformed. */
export function checkPush(push: HostPush): PushVerdict {
  if (push.deleted || NO_COMMIT.test(push.after)) {
    return { kind: 'ignored', reason: `${push.ref.slice(0, 255)} was deleted: nothing to sync` };
  }
  if (push.ref.length > SHORT_TEXT_MAX || !GIT_REF.test(push.ref)) {
    const why = `ref must be a full git ref such as refs/heads/main (letters, digits, . _ / -; at most ${SHORT_TEXT_MAX} characters)`;
    throw new BadRequestError(why, 'ref');
  }
  if (!push.ref.startsWith(BRANCH)) {
    return { kind: 'ignored', reason: `${push.ref} is not a branch: only branch pushes are recorded` };
  }
  const commit: PushedCommit = { ref: push.ref, sha: sha(push.after, 'after') };
  if (!NO_COMMIT.test(push.before)) commit.before = sha(push.before, 'before');
  const pusher = push.pusher?.trim().slice(0, SHORT_TEXT_MAX);
  if (pusher) commit.pusher = pusher;
  if (push.commitCount !== undefined) commit.commit_count = push.commitCount;
  return { kind: 'commit', commit };
}
