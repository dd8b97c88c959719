// The sweep library's errors for a repo that cannot be synced, as the domain
// errors the one exception filter turns into 404/422, 409 and 400 naming the field.
import { BadRequestError, ConflictError, NotFoundError, UnprocessableError } from '@state-hub/nest-http';
import { RepoArchivedError, RepoNotFoundError, SweepQueryError } from '@state-hub/consistency-sweep';
import type { KeySource } from '../common/lookup/lookups';

/** `source`: the slug came from the path (unknown → 404) or the body (unknown → 422), as for every lookup. */
export function asHttpError(err: unknown, field: string, source: KeySource): unknown {
  if (err instanceof RepoNotFoundError) {
    return source === 'body' ? new UnprocessableError(err.message, field) : new NotFoundError(err.message, field);
  }
  if (err instanceof RepoArchivedError) return new ConflictError(err.message, field);
  if (err instanceof SweepQueryError) return new BadRequestError(err.message, err.field);
  return err;
}

/**
 * A one-repo sync that found the repo's lock held past the wait is a 409, not a 200 with
 * `skipped_lock`: the caller (the per-commit definition, `on_failure: retry`) must try again.
 */
export function repoLockedError(slug: string, waitedSeconds: number): ConflictError {
  return new ConflictError(
    `repo '${slug}' is locked by a running sweep (waited ${waitedSeconds} s); try again`,
    'slug',
  );
}
