// Every repo with its last sync and last commit; the first-run page when there is none.
import { REPO_STATUSES } from '@state-hub/hub-client';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect, FilterText } from '../../components/filter-select';
import { FirstRun } from '../../components/first-run';
import { QueryState } from '../../components/query-state';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { useRepos } from './api/get-repos';
import { ReposTable } from './components/repos-table';

export function ReposPage() {
  const [params, setFilter] = useUrlFilters();
  const status = checkFilter('status', params.get('status'), REPO_STATUSES);
  const domain = params.get('domain') || undefined;
  const repos = useRepos({ status: status.value, domain });
  const filtered = Boolean(status.value || domain);
  return (
    <>
      <h1>Repos</h1>
      <div className="filters">
        <FilterSelect
          label="Status"
          value={status.value}
          options={REPO_STATUSES}
          onChange={(v) => setFilter('status', v)}
        />
        <FilterText label="Domain" value={domain} onChange={(v) => setFilter('domain', v)} />
      </div>
      {status.error ? (
        <ErrorMessage error={new FilterError(status.error)} />
      ) : (
        <QueryState query={repos} label="repos">
          {(page) => (page.total === 0 && !filtered ? <FirstRun /> : <ReposTable repos={page.items} />)}
        </QueryState>
      )}
    </>
  );
}
