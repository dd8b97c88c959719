import type { RepoSyncResult, SweepReport } from '@state-hub/consistency-sweep';
import { capturePrinter } from '../testing/capture-printer';
import {
  type AnyRepoResult,
  type AnySweepReport,
  printRepoResult,
  printSweepReport,
  sweepExitCode,
  syncExitCode,
} from './sweep-table';

/** What a terminal shows: the table and the notes, on stdout. */
function onTerminal(report: AnySweepReport): string {
  const out = capturePrinter({ terminal: true });
  printSweepReport(report, out.printer);
  expect(out.stderr()).toBe('');
  return out.stdout().trimEnd();
}

function repoOnTerminal(result: AnyRepoResult): string {
  const out = capturePrinter({ terminal: true });
  printRepoResult(result, out.printer);
  return out.stdout().trimEnd();
}

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
    const text = onTerminal(report({}));
    expect(text).toMatch(/│ alpha\s+│ synced\s+│ up_to_date\s+│ 1\s+│ 1\s+│ 1\s+│ 3\s+│ 1\s+│/);
    expect(text).toMatch(/│ beta\s+│ failed\s+│ failed\s+│/);
    expect(text).toContain('  failed  beta: local_path /srv/beta does not exist');
    expect(text).toContain('  warning alpha: alpha: workplans/x.md: task T9 has unknown status "later"');
    expect(text.split('\n').at(-1)).toBe(
      '2 repos: 1 synced, 0 skipped (lock), 0 skipped (budget), 1 failed; 1 warning; outcome completed in 1.5 s (source manual)',
    );
  });

  it('says why nothing was swept when another sweep held the lock', () => {
    const text = onTerminal(report({ outcome: 'skipped_lock', repos: [], warnings: [] }));
    expect(text).toContain('another sweep holds the lock');
    expect(text).not.toContain('┌');
  });

  it('renders a one-repo sync with its own totals', () => {
    expect(repoOnTerminal(repo({})).split('\n').at(-1)).toBe(
      'alpha: synced; 3 files scanned, 3 ids written, 0 warnings in 120 ms',
    );
  });

  it('off a terminal: tab-separated rows on stdout, the notes on stderr', () => {
    const out = capturePrinter({ terminal: false });
    printSweepReport(report({}), out.printer);
    expect(out.stdout().split('\n')).toEqual([
      'repo\toutcome\tpull\tsynced\tunchanged\terrors\tids written\twarnings',
      'alpha\tsynced\tup_to_date\t1\t1\t1\t3\t1',
      'beta\tfailed\tfailed\t1\t1\t1\t3\t0',
      '',
    ]);
    expect(out.stderr()).toContain('  failed  beta: local_path /srv/beta does not exist\n');
    expect(out.stderr()).toMatch(/2 repos: 1 synced, .* \(source manual\)\n$/);
  });

  it('colours the outcome only when colours are on', () => {
    const out = capturePrinter({ terminal: true, color: true });
    printSweepReport(report({}), out.printer);
    expect(out.stdout()).toContain('\u001b[32msynced\u001b[39m');
    expect(out.stdout()).toContain('\u001b[31mfailed\u001b[39m');
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
