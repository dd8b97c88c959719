// The overview: health of every part, next steps (by domain and repo), open
// decisions, latest progress; the first-run page while no repo is registered.
import { FilterText } from '../../components/filter-select';
import { FirstRun } from '../../components/first-run';
import { ProgressEventsList } from '../../components/progress-events-list';
import { QueryState } from '../../components/query-state';
import { useUrlFilters } from '../../lib/filters';
import { useLatestProgress } from './api/get-latest-progress';
import { useNextSteps } from './api/get-next-steps';
import { useOpenDecisions } from './api/get-open-decisions';
import { useRepoCount } from './api/get-repo-count';
import { HealthPanel } from './components/health-panel';
import { NextStepsList } from './components/next-steps-list';
import { OpenDecisionsList } from './components/open-decisions-list';

export function OverviewPage() {
  const repoCount = useRepoCount();
  return (
    <>
      <h1>Overview</h1>
      <HealthPanel />
      <QueryState query={repoCount} label="repos">
        {(count) => (count === 0 ? <FirstRun /> : <Plans />)}
      </QueryState>
    </>
  );
}

function Plans() {
  const [params, setFilter] = useUrlFilters();
  const filter = { domain: params.get('domain') || undefined, repo: params.get('repo') || undefined };
  const steps = useNextSteps(filter);
  const decisions = useOpenDecisions(filter);
  const progress = useLatestProgress({ repo: filter.repo });
  return (
    <>
      <section aria-labelledby="next-title">
        <h2 id="next-title">Next steps</h2>
        <div className="filters">
          <FilterText label="Domain" value={filter.domain} onChange={(v) => setFilter('domain', v)} />
          <FilterText label="Repo" value={filter.repo} onChange={(v) => setFilter('repo', v)} />
        </div>
        <QueryState query={steps} label="next steps">
          {(data) => <NextStepsList steps={data.items} />}
        </QueryState>
      </section>
      <div className="columns">
        <section aria-labelledby="decisions-title">
          <h2 id="decisions-title">Open decisions</h2>
          <QueryState query={decisions} label="open decisions">
            {(data) => <OpenDecisionsList decisions={data.items} />}
          </QueryState>
        </section>
        <section aria-labelledby="progress-title">
          <h2 id="progress-title">Latest progress</h2>
          <QueryState query={progress} label="progress events">
            {(data) => <ProgressEventsList events={data.items} />}
          </QueryState>
        </section>
      </div>
    </>
  );
}
