// Domain errors of the sweep, so callers (API, CLI) can map them without
// parsing messages: an unknown repo is a 404, an archived one a 409.

/** No repo with that slug is registered. */
export class RepoNotFoundError extends Error {
  override readonly name = 'RepoNotFoundError';
  constructor(readonly slug: string) {
    super(`repo '${slug}' is not registered`);
  }
}

/** The repo exists but is archived: the sweep leaves it alone. */
export class RepoArchivedError extends Error {
  override readonly name = 'RepoArchivedError';
  constructor(readonly slug: string) {
    super(`repo '${slug}' is archived; unarchive it before syncing`);
  }
}

/** A history query the lib cannot answer (bad limit, offset or window). */
export class SweepQueryError extends Error {
  override readonly name = 'SweepQueryError';
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(`${field}: ${reason}`);
  }
}
