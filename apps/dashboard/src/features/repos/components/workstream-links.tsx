// A repo's workstreams as links to their pages.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';

export function WorkstreamLinks({ workstreams }: { workstreams: HubSchemas['WorkstreamView'][] }) {
  if (workstreams.length === 0) return <p className="muted">No workstreams in this repo yet.</p>;
  return (
    <ul>
      {workstreams.map((w) => (
        <li key={w.id}>
          <Link to={`/workstreams/${w.id}`}>
            <code>{w.workplan_id}</code> {w.title}
          </Link>{' '}
          <StatusBadge status={w.status} />
        </li>
      ))}
    </ul>
  );
}
