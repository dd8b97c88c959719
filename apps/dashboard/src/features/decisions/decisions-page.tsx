// Decisions, open and resolved; an open one can be resolved here (a write).
import { DECISION_STATUSES } from '@state-hub/hub-client';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect, FilterText } from '../../components/filter-select';
import { QueryState } from '../../components/query-state';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { useDecisions } from './api/get-decisions';
import { DecisionsTable } from './components/decisions-table';

export function DecisionsPage() {
  const [params, setFilter] = useUrlFilters();
  const status = checkFilter('status', params.get('status'), DECISION_STATUSES);
  const domain = params.get('domain') || undefined;
  const decisions = useDecisions({ status: status.value, domain });
  return (
    <>
      <h1>Decisions</h1>
      <div className="filters">
        <FilterSelect
          label="Status"
          value={status.value}
          options={DECISION_STATUSES}
          onChange={(v) => setFilter('status', v)}
        />
        <FilterText label="Domain" value={domain} onChange={(v) => setFilter('domain', v)} />
      </div>
      {status.error ? (
        <ErrorMessage error={new FilterError(status.error)} />
      ) : (
        <QueryState query={decisions} label="decisions">
          {(page) => <DecisionsTable decisions={page.items} />}
        </QueryState>
      )}
    </>
  );
}
