// Raised when some tasks could not be changed. Every other task of the run was
// handled (and stays committed); `report` says what was done and what failed.
import type { StaleCleanupReport } from './types';

export class StaleCleanupIncompleteError extends Error {
  override readonly name = 'StaleCleanupIncompleteError';

  constructor(
    readonly report: StaleCleanupReport,
    /** Why the run ended early, when it did (e.g. too many failures in a row). */
    readonly stoppedBecause?: string,
  ) {
    const [first] = report.failures;
    const n = report.failures.length;
    super(
      `${n} task${n === 1 ? '' : 's'} could not be changed` +
        (first ? ` (first: ${first.task_key} in ${first.repo_slug}: ${first.message})` : '') +
        (stoppedBecause ? `; ${stoppedBecause}` : ''),
    );
  }
}

/** Bad options (e.g. a stale age out of range); nothing was read or changed. */
export class StaleCleanupOptionsError extends Error {
  override readonly name = 'StaleCleanupOptionsError';

  constructor(
    message: string,
    /** The option at fault, as the caller named it. */
    readonly option: 'staleAfterDays' | 'pageSize' | 'now',
  ) {
    super(message);
  }
}
