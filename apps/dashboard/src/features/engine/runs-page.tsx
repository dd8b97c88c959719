// The run history, filtered by definition and status (in the URL), refreshing by itself.
import { RUN_STATUSES } from '@state-hub/engine-client';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect, FilterText } from '../../components/filter-select';
import { QueryState } from '../../components/query-state';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { useRuns } from './api/get-runs';
import { RunsTable } from './components/runs-table';

export function RunsPage() {
  const [params, setFilter] = useUrlFilters();
  const status = checkFilter('status', params.get('status'), RUN_STATUSES);
  const definition = params.get('definition') || undefined;
  const runs = useRuns({ definition, status: status.value });
  return (
    <>
      <h1>Runs</h1>
      <div className="filters">
        <FilterText label="Definition" value={definition} onChange={(v) => setFilter('definition', v)} />
        <FilterSelect
          label="Status"
          value={status.value}
          options={RUN_STATUSES}
          onChange={(v) => setFilter('status', v)}
        />
      </div>
      {status.error ? (
        <ErrorMessage error={new FilterError(status.error)} />
      ) : (
        <QueryState query={runs} label="runs">
          {(page) => (
            <>
              <p className="muted">
                {page.total} runs{page.total > page.items.length ? `, the newest ${page.items.length} shown` : ''}
              </p>
              <RunsTable runs={page.items} />
            </>
          )}
        </QueryState>
      )}
    </>
  );
}
