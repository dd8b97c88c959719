// The decisions of one workstream, open and resolved.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';

export function DecisionsList({ decisions }: { decisions: HubSchemas['DecisionView'][] }) {
  if (decisions.length === 0) return <p className="muted">No decisions recorded for this workstream.</p>;
  return (
    <ul>
      {decisions.map((d) => (
        <li key={d.id}>
          <StatusBadge status={d.status} /> <Link to={`/decisions?status=${d.status}`}>{d.title}</Link>
          {d.resolution && <span className="muted"> — {d.resolution}</span>}
        </li>
      ))}
    </ul>
  );
}
