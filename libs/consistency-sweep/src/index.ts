export * from './lib/types';
export { ConsistencySweep, DEFAULT_MAX_SECONDS, DEFAULT_SWEEP_SETTINGS } from './lib/consistency-sweep';
export { compareSweeps, DEFAULT_HISTORY_LIMIT, listSweeps, MAX_HISTORY_LIMIT } from './lib/sweep-history';
export { RepoArchivedError, RepoNotFoundError, SweepQueryError } from './lib/errors';
export { REPO_LOCK_NAMESPACE, SWEEP_GLOBAL_LOCK_KEY, SWEEP_LOCK_NAMESPACE } from './lib/advisory-lock';
export { WRITEBACK_COMMIT_SUBJECT } from './lib/git/writeback-commit';
