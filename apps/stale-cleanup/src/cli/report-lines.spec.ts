import type { StaleCleanupReport, StaleTaskAction } from '@state-hub/stale-tasks';
import { reportLines, summaryLine } from './report-lines';

const cancel: StaleTaskAction = {
  task_id: '0190f7a4-0000-7000-8000-000000000001',
  task_key: 'STATE-WP-0007-T03',
  workstream_id: '0190f7a4-0000-7000-8000-000000000002',
  workplan_id: 'STATE-WP-0007',
  repo_slug: 'state-hub',
  action: 'cancelled',
  reason: 'workstream_closed',
  previous_status: 'in_progress',
  workstream_status: 'completed',
  last_updated_at: '2026-10-01T00:00:00.000Z',
  inactive_days: 3,
};
const flag: StaleTaskAction = {
  ...cancel,
  task_key: 'STATE-WP-0008-T01',
  workplan_id: 'STATE-WP-0008',
  action: 'flagged',
  reason: 'inactive',
  previous_status: 'todo',
  workstream_status: 'active',
  inactive_days: 21,
};
const report = (over: Partial<StaleCleanupReport>): StaleCleanupReport => ({
  dry_run: false,
  stale_after_days: 14,
  cancelled: 1,
  flagged: 1,
  actions: [cancel, flag],
  failures: [],
  duration_ms: 42,
  ...over,
});

describe('report lines', () => {
  it('prints one line per action and the summary', () => {
    expect(reportLines(report({}))).toEqual([
      'cancelled STATE-WP-0007-T03 (repo state-hub, workplan STATE-WP-0007 completed, was in_progress)',
      'flagged STATE-WP-0008-T01 (repo state-hub, workplan STATE-WP-0008, todo, not updated for 21 days)',
      'stale-cleanup: cancelled 1, flagged 1 in 42 ms',
    ]);
  });

  it('says what a dry run would do', () => {
    expect(reportLines(report({ dry_run: true }))).toEqual([
      'would cancel STATE-WP-0007-T03 (repo state-hub, workplan STATE-WP-0007 completed, was in_progress)',
      'would flag STATE-WP-0008-T01 (repo state-hub, workplan STATE-WP-0008, todo, not updated for 21 days)',
      'stale-cleanup: cancelled 1, flagged 1 (dry run: no change) in 42 ms',
    ]);
  });

  it('counts failures in the summary', () => {
    const failure = {
      task_id: cancel.task_id,
      task_key: 'X-T1',
      repo_slug: 'x',
      action: 'cancelled' as const,
      message: 'm',
    };
    expect(summaryLine(report({ cancelled: 0, flagged: 0, actions: [], failures: [failure] }))).toBe(
      'stale-cleanup: cancelled 0, flagged 0, failed 1 in 42 ms',
    );
  });
});
