// What a person reads after a sweep: one row per repo, the warnings and
// failures named, and a totals line (notes: beside the table on a terminal,
// on stderr when the rows go to a pipe).
import type { RepoSyncResult, SweepReport } from '@state-hub/consistency-sweep';
import type { HubSchemas } from '@state-hub/hub-client';
import type { Printer } from '../cli/printer';

/** A sweep's report, or one repo's result: from a sweep in this process, or as the hub answered it. */
export type AnySweepReport = SweepReport | HubSchemas['SweepReportView'];
export type AnyRepoResult = RepoSyncResult | HubSchemas['RepoSyncResultView'];

const HEAD = ['repo', 'outcome', 'pull', 'synced', 'unchanged', 'errors', 'ids written', 'warnings'];
const OUTCOME_COLOR = { synced: 'green', failed: 'red' } as const;

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function repoTable(results: readonly AnyRepoResult[], out: Printer): void {
  const outcome = (o: string) => {
    const color = OUTCOME_COLOR[o as keyof typeof OUTCOME_COLOR];
    return color ? out.paint(color, o) : out.paint('yellow', o);
  };
  out.table(
    HEAD,
    results.map((r) => [
      r.repo,
      outcome(r.outcome),
      r.pull,
      r.files.synced,
      r.files.unchanged,
      r.files.errors,
      r.changes.ids_written,
      r.warnings.length,
    ]),
  );
}

/** Every failure and warning, each on its own line, prefixed with its repo. */
function problemLines(results: readonly AnyRepoResult[]): string[] {
  return results.flatMap((r) => [
    ...(r.error ? [`  failed  ${r.repo}: ${r.error}`] : []),
    ...r.warnings.map((w) => `  warning ${r.repo}: ${w}`),
  ]);
}

export function printSweepReport(report: AnySweepReport, out: Printer): void {
  const c = report.counts;
  const totals =
    `${plural(c.repos, 'repo')}: ${c.synced} synced, ${c.skipped_lock} skipped (lock), ` +
    `${c.skipped_budget} skipped (budget), ${c.failed} failed; ${plural(report.warnings.length, 'warning')}; ` +
    `outcome ${report.outcome} in ${formatDuration(report.duration_ms)} (source ${report.source})`;
  const lockNote =
    report.outcome === 'skipped_lock' ? ['another sweep holds the lock: nothing was swept this time'] : [];
  const global = report.warnings.filter((w) => !report.repos.some((r) => r.warnings.includes(w)));
  if (report.repos.length) repoTable(report.repos, out);
  for (const line of [...problemLines(report.repos), ...global.map((w) => `  warning ${w}`), ...lockNote, totals]) {
    out.note(line);
  }
}

export function printRepoResult(result: AnyRepoResult, out: Printer): void {
  const totals =
    `${result.repo}: ${result.outcome}; ${plural(result.files.scanned, 'file')} scanned, ` +
    `${plural(result.changes.ids_written, 'id')} written, ${plural(result.warnings.length, 'warning')} ` +
    `in ${formatDuration(result.duration_ms)}`;
  repoTable([result], out);
  for (const line of [...problemLines([result]), totals]) out.note(line);
}

/** Exit code of a sweep: 1 when any repo failed hard, else 0 (skipped for lock or budget is normal). */
export function sweepExitCode(report: AnySweepReport): 0 | 1 {
  return report.outcome === 'failed' || report.counts.failed > 0 ? 1 : 0;
}

/** Exit code of a one-repo sync: 0 only when the repo was synced (skipped for the lock means "try again"). */
export function syncExitCode(result: AnyRepoResult): 0 | 1 {
  return result.outcome === 'synced' ? 0 : 1;
}
