// Workstreams filtered by domain, repo and status (all in the URL).
import { WORKSTREAM_STATUSES } from '@state-hub/hub-client';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect, FilterText } from '../../components/filter-select';
import { QueryState } from '../../components/query-state';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { useWorkstreams } from './api/get-workstreams';
import { WorkstreamsTable } from './components/workstreams-table';

export function WorkstreamsPage() {
  const [params, setFilter] = useUrlFilters();
  const status = checkFilter('status', params.get('status'), WORKSTREAM_STATUSES);
  const domain = params.get('domain') || undefined;
  const repo = params.get('repo') || undefined;
  const workstreams = useWorkstreams({ domain, repo, status: status.value });
  return (
    <>
      <h1>Workstreams</h1>
      <div className="filters">
        <FilterText label="Domain" value={domain} onChange={(v) => setFilter('domain', v)} />
        <FilterText label="Repo" value={repo} onChange={(v) => setFilter('repo', v)} />
        <FilterSelect
          label="Status"
          value={status.value}
          options={WORKSTREAM_STATUSES}
          onChange={(v) => setFilter('status', v)}
        />
      </div>
      {status.error ? (
        <ErrorMessage error={new FilterError(status.error)} />
      ) : (
        <QueryState query={workstreams} label="workstreams">
          {(page) => <WorkstreamsTable workstreams={page.items} />}
        </QueryState>
      )}
    </>
  );
}
