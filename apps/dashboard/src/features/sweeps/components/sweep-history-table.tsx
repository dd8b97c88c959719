// Sweeps, newest first: source, outcome, repos synced / skipped / failed, duration.
import type { HubSchemas } from '@state-hub/hub-client';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime, formatDuration } from '../../../lib/format-time';

export function SweepHistoryTable({ sweeps }: { sweeps: HubSchemas['SweepHistoryEntryView'][] }) {
  if (sweeps.length === 0) return <p className="muted">No sweep recorded in this window.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Source</th>
          <th scope="col">Outcome</th>
          <th scope="col">Synced</th>
          <th scope="col">Skipped (lock / budget)</th>
          <th scope="col">Failed</th>
          <th scope="col">Warnings</th>
          <th scope="col">Duration</th>
        </tr>
      </thead>
      <tbody>
        {sweeps.map((s) => (
          <tr key={s.id}>
            <td>{formatDateTime(s.occurred_at)}</td>
            <td>{s.source}</td>
            <td>
              <StatusBadge status={s.outcome} />
            </td>
            <td>
              {s.counts.synced} / {s.counts.repos}
            </td>
            <td>
              {s.counts.skipped_lock} / {s.counts.skipped_budget}
            </td>
            <td>{s.counts.failed}</td>
            <td>{s.counts.warnings}</td>
            <td>{formatDuration(s.duration_ms)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
