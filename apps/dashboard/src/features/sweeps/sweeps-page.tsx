// Sweeps: the comparison per source as charts, and the history, over a window
// (and a source) kept in the URL.
import { useMemo } from 'react';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect } from '../../components/filter-select';
import { QueryState } from '../../components/query-state';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { type SweepSource, useSweeps } from './api/get-sweeps';
import { useSweepComparison } from './api/get-sweep-comparison';
import { ComparisonCharts } from './components/comparison-charts';
import { SweepHistoryTable } from './components/sweep-history-table';
import { SWEEP_WINDOWS, windowStart } from './sweep-window';

// The API's sweep sources (typed by the generated client; the list itself is not exported by it).
const SOURCES: readonly NonNullable<SweepSource>[] = ['local-timer', 'activity-core', 'manual', 'api', 'commit-hook'];

export function SweepsPage() {
  const [params, setFilter] = useUrlFilters();
  const window = checkFilter('window', params.get('window'), SWEEP_WINDOWS);
  const source = checkFilter('source', params.get('source'), SOURCES);
  const span = window.value ?? '7d';
  // One start per window choice, so the query key stays put between renders.
  const since = useMemo(() => windowStart(span, new Date()), [span]);
  const comparison = useSweepComparison(since);
  const sweeps = useSweeps({ source: source.value, since });
  const bad = window.error ?? source.error;
  return (
    <>
      <h1>Sweeps</h1>
      <div className="filters">
        <FilterSelect
          label="Window"
          value={window.value}
          options={SWEEP_WINDOWS}
          onChange={(v) => setFilter('window', v)}
        />
        <FilterSelect label="Source" value={source.value} options={SOURCES} onChange={(v) => setFilter('source', v)} />
      </div>
      {bad ? (
        <ErrorMessage error={new FilterError(bad)} />
      ) : (
        <>
          <section aria-labelledby="compare-title">
            <h2 id="compare-title">Parallel-run comparison (last {span})</h2>
            <QueryState query={comparison} label="the comparison">
              {(data) => <ComparisonCharts rows={data.sources} />}
            </QueryState>
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <QueryState query={sweeps} label="sweeps">
              {(page) => <SweepHistoryTable sweeps={page.items} />}
            </QueryState>
          </section>
        </>
      )}
    </>
  );
}
