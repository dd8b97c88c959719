// Some tasks could not be changed (the others were, and stay committed). The
// client learns which tasks; the database's own words stay in the server log.
import { DomainError } from '@state-hub/nest-http';
import type { StaleCleanupIncompleteError } from '@state-hub/stale-tasks';

export class StaleCleanupIncompleteException extends DomainError {
  readonly status = 500;
  readonly code = 'stale_cleanup_incomplete';

  constructor(cause: StaleCleanupIncompleteError) {
    const { report } = cause;
    const keys = report.failures.map((f) => f.task_key).join(', ');
    super(
      `cancelled ${report.cancelled}, flagged ${report.flagged}; ${report.failures.length} task(s) could not be changed ` +
        `(${keys})${cause.stoppedBecause ? `; ${cause.stoppedBecause}` : ''}; details are in the server log`,
    );
  }
}
