// The registered repos: last sync and last commit at a glance.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format-time';

export function ReposTable({ repos }: { repos: HubSchemas['RepoView'][] }) {
  if (repos.length === 0) return <p className="muted">No repo matches these filters.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Repo</th>
          <th scope="col">Domain</th>
          <th scope="col">Status</th>
          <th scope="col">Last sync</th>
          <th scope="col">Last commit</th>
        </tr>
      </thead>
      <tbody>
        {repos.map((repo) => (
          <tr key={repo.id}>
            <td>
              <Link to={`/repos/${repo.slug}`}>{repo.name}</Link> <code>{repo.slug}</code>
            </td>
            <td>{repo.domain}</td>
            <td>
              <StatusBadge status={repo.status} />
            </td>
            <td>{repo.last_synced_at ? formatDateTime(repo.last_synced_at) : 'never'}</td>
            <td>
              <LastCommit repo={repo} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function LastCommit({ repo }: { repo: HubSchemas['RepoView'] }) {
  if (!repo.last_commit_sha) return <span className="muted">none reported</span>;
  return (
    <>
      <code>{repo.last_commit_sha.slice(0, 10)}</code> {repo.last_commit_ref} {formatDateTime(repo.last_commit_at)}
    </>
  );
}
