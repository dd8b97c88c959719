// One repo: last sync and commit, its files with their sync state, its workstreams.
import type { HubSchemas } from '@state-hub/hub-client';
import { useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect } from '../../components/filter-select';
import { QueryState } from '../../components/query-state';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { formatDateTime } from '../../lib/format-time';
import { useRepo, useRepoFiles, useRepoWorkstreams } from './api/get-repo';
import { RepoFilesTable } from './components/repo-files-table';
import { LastCommit } from './components/repos-table';
import { WorkstreamLinks } from './components/workstream-links';

// The API's file statuses (typed by the generated client; the list itself is not exported by it).
const FILE_STATUSES: readonly HubSchemas['RepoFileView']['status'][] = ['synced', 'error', 'orphaned'];

export function RepoPage() {
  const slug = useParams()['slug'] ?? '';
  const [params, setFilter] = useUrlFilters();
  const fileStatus = checkFilter('file status', params.get('file_status'), FILE_STATUSES);
  const repo = useRepo(slug);
  const files = useRepoFiles(slug, fileStatus.value);
  const workstreams = useRepoWorkstreams(slug);
  return (
    <>
      <h1>Repo {slug}</h1>
      <QueryState query={repo} label="the repo">
        {(r) => (
          <dl className="card facts" aria-label="Repo">
            <dt>Name</dt>
            <dd>{r.name}</dd>
            <dt>Domain</dt>
            <dd>{r.domain}</dd>
            <dt>Last sync</dt>
            <dd>{r.last_synced_at ? formatDateTime(r.last_synced_at) : 'never'}</dd>
            <dt>Last commit</dt>
            <dd>
              <LastCommit repo={r} />
            </dd>
            <dt>Where</dt>
            <dd>{r.remote_url ?? r.local_path ?? '—'}</dd>
          </dl>
        )}
      </QueryState>
      <section aria-labelledby="files-title">
        <h2 id="files-title">Files</h2>
        <div className="filters">
          <FilterSelect
            label="File status"
            value={fileStatus.value}
            options={FILE_STATUSES}
            onChange={(v) => setFilter('file_status', v)}
          />
        </div>
        {fileStatus.error ? (
          <ErrorMessage error={new FilterError(fileStatus.error)} />
        ) : (
          <QueryState query={files} label="files">
            {(page) => <RepoFilesTable files={page.items} />}
          </QueryState>
        )}
      </section>
      <section aria-labelledby="ws-title">
        <h2 id="ws-title">Workstreams</h2>
        <QueryState query={workstreams} label="workstreams">
          {(page) => <WorkstreamLinks workstreams={page.items} />}
        </QueryState>
      </section>
    </>
  );
}
