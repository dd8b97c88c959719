// The parallel-run comparison as a person reads it: one row per source.
import type { SweepComparison } from '@state-hub/consistency-sweep';
import type { HubSchemas } from '@state-hub/hub-client';
import Table from 'cli-table3';

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

export function renderComparison(c: AnySweepComparison): string {
  const title = `Sweeps from ${c.since} to ${c.until}`;
  if (c.sources.length === 0) return `${title}\nno sweeps recorded in this window`;
  const table = new Table({ head: HEAD, style: { head: [], border: [] } });
  for (const r of c.sources) {
    table.push([
      r.source,
      r.runs,
      `${(r.completion_rate * 100).toFixed(1)} %`,
      r.runs_skipped_lock,
      r.repos_skipped_lock,
      r.repos_skipped_budget,
      r.hard_failures,
      r.warn_only,
    ]);
  }
  return `${title}\n${table.toString()}`;
}
