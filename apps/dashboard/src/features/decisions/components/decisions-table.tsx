// Decisions with their context; an open one carries its resolve form.
import type { HubSchemas } from '@state-hub/hub-client';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format-time';
import { ResolveDecisionForm } from './resolve-decision-form';

export function DecisionsTable({ decisions }: { decisions: HubSchemas['DecisionView'][] }) {
  if (decisions.length === 0) return <p className="muted">No decision matches these filters.</p>;
  return (
    <ul className="decisions">
      {decisions.map((d) => (
        <li key={d.id} className="card">
          <h2 className="decision-title">
            {d.title} <StatusBadge status={d.status} />
          </h2>
          <p className="muted">
            {d.domain}, opened {formatDateTime(d.created_at)}
          </p>
          {d.context && <p>{d.context}</p>}
          {d.status === 'resolved' ? (
            <p>
              <strong>Resolved</strong> by {d.resolved_by} on {formatDateTime(d.resolved_at)}: {d.resolution}
            </p>
          ) : (
            <ResolveDecisionForm decision={d} />
          )}
        </li>
      ))}
    </ul>
  );
}
