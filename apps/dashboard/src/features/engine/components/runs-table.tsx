// Runs, newest first: definition, trigger, status, duration, replica.
import type { EngineSchemas } from '@state-hub/engine-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime, formatDuration } from '../../../lib/format-time';

export function RunsTable({ runs }: { runs: EngineSchemas['RunView'][] }) {
  if (runs.length === 0) return <p className="muted">No run matches these filters.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Started</th>
          <th scope="col">Definition</th>
          <th scope="col">Trigger</th>
          <th scope="col">Status</th>
          <th scope="col">Duration</th>
          <th scope="col">Replica</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <td>
              <Link to={`/engine/runs/${run.id}`}>{formatDateTime(run.started_at)}</Link>
            </td>
            <td>{run.definition_id}</td>
            <td>
              {run.trigger_kind}
              {run.event_type && (
                <>
                  {' '}
                  <code>{run.event_type}</code>
                </>
              )}
              {run.replay_of && <span className="muted"> (replay)</span>}
            </td>
            <td>
              <StatusBadge status={run.status} />
              {run.skip_reason && <div className="muted">{run.skip_reason}</div>}
            </td>
            <td>{formatDuration(run.duration_ms)}</td>
            <td>{run.replica ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
