// The parallel-run comparison as a person reads it: one row per source, the
// window as a note.
import type { SweepComparison } from '@state-hub/consistency-sweep';
import type { HubSchemas } from '@state-hub/hub-client';
import type { Printer } from '../cli/printer';

const HEAD = [
  'source',
  'runs',
  'completion rate',
  'runs skipped (lock)',
  'repos skipped (lock)',
  'repos skipped (budget)',
  'hard failures',
  'warn-only',
];

/** A comparison made in this process, or as the hub answered it. */
export type AnySweepComparison = SweepComparison | HubSchemas['SweepComparisonView'];

export function printComparison(c: AnySweepComparison, out: Printer): void {
  out.note(`Sweeps from ${c.since} to ${c.until}`);
  if (c.sources.length === 0) {
    out.note('no sweeps recorded in this window');
    return;
  }
  out.table(
    HEAD,
    c.sources.map((r) => [
      r.source,
      r.runs,
      `${(r.completion_rate * 100).toFixed(1)} %`,
      r.runs_skipped_lock,
      r.repos_skipped_lock,
      r.repos_skipped_budget,
      r.hard_failures,
      r.warn_only,
    ]),
  );
}
