import type { RepoSyncResult, SweepReport } from '@state-hub/consistency-sweep';
import { renderRepoResult, renderSweepReport, sweepExitCode, syncExitCode } from './sweep-table';

const files = { scanned: 3, unchanged: 1, synced: 1, errors: 1, orphaned: 0, not_workplan: 0 };
const changes = {
  workstreams_created: 1,
  workstreams_updated: 0,
  workstreams_archived: 0,
  workstreams_completed: 0,
  tasks_created: 2,
  tasks_updated: 0,
  ids_written: 3,
  files_written: 1,
  writeback_commits: 0,
};
const repo = (over: Partial<RepoSyncResult>): RepoSyncResult => ({
  repo: 'alpha',
  outcome: 'synced',
  pull: 'up_to_date',
  commit_sha: null,
  files,
  changes,
  warnings: [],
  duration_ms: 120,
  ...over,
});
const report = (over: Partial<SweepReport>): SweepReport => ({
  progress_event_id: '0190f7a4-0000-7000-8000-000000000000',
  source: 'manual',
  remote: true,
  max_seconds: 300,
  outcome: 'completed',
  started_at: '2026-06-21T00:00:00.000Z',
  finished_at: '2026-06-21T00:00:01.500Z',
  duration_ms: 1500,
  counts: { repos: 2, synced: 1, skipped_lock: 0, skipped_budget: 0, failed: 1, warnings: 1 },
  files,
  changes,
  warnings: ['alpha: workplans/x.md: task T9 has unknown status "later"'],
  repos: [
    repo({ warnings: ['alpha: workplans/x.md: task T9 has unknown status "later"'] }),
    repo({ repo: 'beta', outcome: 'failed', pull: 'failed', error: 'local_path /srv/beta does not exist' }),
  ],
  ...over,
});

describe('sweep table', () => {
  it('shows a row per repo, every failure and warning by repo, and the totals', () => {
    const text = renderSweepReport(report({}));
    expect(text).toMatch(/│ alpha\s+│ synced\s+│ up_to_date\s+│ 1\s+│ 1\s+│ 1\s+│ 3\s+│ 1\s+│/);
    expect(text).toMatch(/│ beta\s+│ failed\s+│ failed\s+│/);
    expect(text).toContain('  failed  beta: local_path /srv/beta does not exist');
    expect(text).toContain('  warning alpha: alpha: workplans/x.md: task T9 has unknown status "later"');
    expect(text.split('\n').at(-1)).toBe(
      '2 repos: 1 synced, 0 skipped (lock), 0 skipped (budget), 1 failed; 1 warning; outcome completed in 1.5 s (source manual)',
    );
  });

  it('says why nothing was swept when another sweep held the lock', () => {
    const text = renderSweepReport(report({ outcome: 'skipped_lock', repos: [], warnings: [] }));
    expect(text).toContain('another sweep holds the lock');
    expect(text).not.toContain('┌');
  });

  it('renders a one-repo sync with its own totals', () => {
    expect(renderRepoResult(repo({})).split('\n').at(-1)).toBe(
      'alpha: synced; 3 files scanned, 3 ids written, 0 warnings in 120 ms',
    );
  });

  it('exits 1 only when a repo failed; skipped for lock or budget is a normal result', () => {
    expect(sweepExitCode(report({}))).toBe(1);
    const clean = { repos: 2, synced: 1, skipped_lock: 0, skipped_budget: 1, failed: 0, warnings: 0 };
    expect(sweepExitCode(report({ outcome: 'partial', counts: clean }))).toBe(0);
    expect(sweepExitCode(report({ outcome: 'skipped_lock', counts: { ...clean, skipped_lock: 2 } }))).toBe(0);
    expect(syncExitCode(repo({ outcome: 'skipped_lock' }))).toBe(1);
    expect(syncExitCode(repo({ outcome: 'failed' }))).toBe(1);
  });
});
