// A repo's workplan files: synced, in error (with the reason and its line), or orphaned.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format-time';

export function RepoFilesTable({ files }: { files: HubSchemas['RepoFileView'][] }) {
  if (files.length === 0) return <p className="muted">No workplan file seen yet: sweep the repo.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Status</th>
          <th scope="col">Reason</th>
          <th scope="col">Commit</th>
          <th scope="col">Last read</th>
        </tr>
      </thead>
      <tbody>
        {files.map((file) => (
          <tr key={file.path}>
            <td>
              {file.workstream_id ? (
                <Link to={`/workstreams/${file.workstream_id}`}>{file.path}</Link>
              ) : (
                <code>{file.path}</code>
              )}
            </td>
            <td>
              <StatusBadge status={file.status} />
            </td>
            <td>
              {file.error ?? ''}
              {file.warnings.length > 0 && (
                <ul className="warnings">
                  {file.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </td>
            <td>{file.commit_sha ? <code>{file.commit_sha.slice(0, 10)}</code> : '—'}</td>
            <td>{formatDateTime(file.last_parsed_at)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
