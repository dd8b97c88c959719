export * from './lib/types';
export { runStaleCleanup, MAX_FAILURES_IN_A_ROW } from './lib/stale-cleanup';
export { StaleCleanupIncompleteError, StaleCleanupOptionsError } from './lib/stale-cleanup-error';
