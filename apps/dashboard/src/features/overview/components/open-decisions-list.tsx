// Open decisions, each linking to the decisions page where it can be resolved.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format-time';

export function OpenDecisionsList({ decisions }: { decisions: HubSchemas['DecisionView'][] }) {
  if (decisions.length === 0) return <p className="muted">No open decisions.</p>;
  return (
    <ul>
      {decisions.map((decision) => (
        <li key={decision.id}>
          <Link to="/decisions?status=open">{decision.title}</Link>{' '}
          <span className="muted">
            ({decision.domain}, since {formatDateTime(decision.created_at)})
          </span>
        </li>
      ))}
    </ul>
  );
}
