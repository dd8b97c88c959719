// Workstreams: workplan id, title, status, repo, domain.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format-time';

export function WorkstreamsTable({ workstreams }: { workstreams: HubSchemas['WorkstreamView'][] }) {
  if (workstreams.length === 0) return <p className="muted">No workstream matches these filters.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Workplan</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Repo</th>
          <th scope="col">Domain</th>
          <th scope="col">Updated</th>
        </tr>
      </thead>
      <tbody>
        {workstreams.map((w) => (
          <tr key={w.id}>
            <td>
              <code>{w.workplan_id}</code>
            </td>
            <td>
              <Link to={`/workstreams/${w.id}`}>{w.title}</Link>
            </td>
            <td>
              <StatusBadge status={w.status} />
            </td>
            <td>
              <Link to={`/repos/${w.repo}`}>{w.repo}</Link>
            </td>
            <td>{w.domain}</td>
            <td>{formatDateTime(w.updated_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
