// What the job prints: one line per action, then a summary line.
import type { StaleCleanupReport, StaleTaskAction } from '@state-hub/stale-tasks';

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

export function actionLine(action: StaleTaskAction, dryRun: boolean): string {
  const where = `repo ${action.repo_slug}, workplan ${action.workplan_id}`;
  if (action.action === 'cancelled') {
    return `${dryRun ? 'would cancel' : 'cancelled'} ${action.task_key} (${where} ${action.workstream_status}, was ${action.previous_status})`;
  }
  return `${dryRun ? 'would flag' : 'flagged'} ${action.task_key} (${where}, ${action.previous_status}, not updated for ${days(action.inactive_days)})`;
}

export function summaryLine(report: StaleCleanupReport): string {
  const failed = report.failures.length > 0 ? `, failed ${report.failures.length}` : '';
  const dry = report.dry_run ? ' (dry run: no change)' : '';
  return `stale-cleanup: cancelled ${report.cancelled}, flagged ${report.flagged}${failed}${dry} in ${report.duration_ms} ms`;
}

/** The whole text output of a run. */
export function reportLines(report: StaleCleanupReport): string[] {
  return [...report.actions.map((a) => actionLine(a, report.dry_run)), summaryLine(report)];
}
