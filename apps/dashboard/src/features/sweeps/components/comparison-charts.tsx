// The parallel-run comparison as charts: completion rate, repos skipped (lock,
// budget), hard failures against warn-only runs, one bar per source.
import type { HubSchemas } from '@state-hub/hub-client';
import { BarChart } from '../../../components/bar-chart';

export function ComparisonCharts({ rows }: { rows: HubSchemas['SweepComparisonRowView'][] }) {
  if (rows.length === 0) return <p className="muted">No sweep recorded in this window.</p>;
  const bars = (pick: (row: HubSchemas['SweepComparisonRowView']) => number) =>
    rows.map((row) => ({ label: row.source, value: pick(row) }));
  return (
    <div className="charts">
      <BarChart
        title="Completion rate"
        bars={bars((r) => r.completion_rate)}
        max={1}
        format={(v) => `${Math.round(v * 100)}%`}
      />
      <BarChart title="Runs" bars={bars((r) => r.runs)} />
      <BarChart title="Repos skipped for the lock" bars={bars((r) => r.repos_skipped_lock)} />
      <BarChart title="Repos skipped for the budget" bars={bars((r) => r.repos_skipped_budget)} />
      <BarChart title="Hard failures" bars={bars((r) => r.hard_failures)} />
      <BarChart title="Warn-only runs" bars={bars((r) => r.warn_only)} />
    </div>
  );
}
