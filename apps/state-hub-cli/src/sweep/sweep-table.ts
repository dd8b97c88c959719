// The text a person reads after a sweep: one table row per repo, the warnings
// and failures named, and a totals line.
import type { RepoSyncResult, SweepReport } from '@state-hub/consistency-sweep';
import type { HubSchemas } from '@state-hub/hub-client';
import Table from 'cli-table3';

/** A sweep's report, or one repo's result: from a sweep in this process, or as the hub answered it. */
export type AnySweepReport = SweepReport | HubSchemas['SweepReportView'];
export type AnyRepoResult = RepoSyncResult | HubSchemas['RepoSyncResultView'];

const HEAD = ['repo', 'outcome', 'pull', 'synced', 'unchanged', 'errors', 'ids written', 'warnings'];

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function repoTable(results: readonly AnyRepoResult[]): string {
  // No colours: the table must read the same in a log file as on a terminal.
  const table = new Table({ head: HEAD, style: { head: [], border: [] } });
  for (const r of results) {
    table.push([
      r.repo,
      r.outcome,
      r.pull,
      r.files.synced,
      r.files.unchanged,
      r.files.errors,
      r.changes.ids_written,
      r.warnings.length,
    ]);
  }
  return table.toString();
}

/** Every failure and warning, each on its own line, prefixed with its repo. */
function problemLines(results: readonly AnyRepoResult[]): string[] {
  return results.flatMap((r) => [
    ...(r.error ? [`  failed  ${r.repo}: ${r.error}`] : []),
    ...r.warnings.map((w) => `  warning ${r.repo}: ${w}`),
  ]);
}

export function renderSweepReport(report: AnySweepReport): string {
  const c = report.counts;
  const totals =
    `${plural(c.repos, 'repo')}: ${c.synced} synced, ${c.skipped_lock} skipped (lock), ` +
    `${c.skipped_budget} skipped (budget), ${c.failed} failed; ${plural(report.warnings.length, 'warning')}; ` +
    `outcome ${report.outcome} in ${formatDuration(report.duration_ms)} (source ${report.source})`;
  const lockNote =
    report.outcome === 'skipped_lock' ? ['another sweep holds the lock: nothing was swept this time'] : [];
  const global = report.warnings.filter((w) => !report.repos.some((r) => r.warnings.includes(w)));
  return [
    ...(report.repos.length ? [repoTable(report.repos)] : []),
    ...problemLines(report.repos),
    ...global.map((w) => `  warning ${w}`),
    ...lockNote,
    totals,
  ].join('\n');
}

export function renderRepoResult(result: AnyRepoResult): string {
  const totals =
    `${result.repo}: ${result.outcome}; ${plural(result.files.scanned, 'file')} scanned, ` +
    `${plural(result.changes.ids_written, 'id')} written, ${plural(result.warnings.length, 'warning')} ` +
    `in ${formatDuration(result.duration_ms)}`;
  return [repoTable([result]), ...problemLines([result]), totals].join('\n');
}

/** Exit code of a sweep: 1 when any repo failed hard, else 0 (skipped for lock or budget is normal). */
export function sweepExitCode(report: AnySweepReport): 0 | 1 {
  return report.outcome === 'failed' || report.counts.failed > 0 ? 1 : 0;
}

/** Exit code of a one-repo sync: 0 only when the repo was synced (skipped for the lock means "try again"). */
export function syncExitCode(result: AnyRepoResult): 0 | 1 {
  return result.outcome === 'synced' ? 0 : 1;
}
