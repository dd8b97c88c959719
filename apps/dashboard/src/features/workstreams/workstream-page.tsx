// One workstream: where its workplan file is, its tasks (status filter in the
// URL), its decisions and its progress events.
import { TASK_STATUSES } from '@state-hub/hub-client';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { FilterSelect } from '../../components/filter-select';
import { ProgressEventsList } from '../../components/progress-events-list';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { checkFilter, FilterError, useUrlFilters } from '../../lib/filters';
import { useWorkstream, useWorkstreamDecisions, useWorkstreamProgress } from './api/get-workstream';
import { DecisionsList } from './components/decisions-list';
import { TasksTable } from './components/tasks-table';

export function WorkstreamPage() {
  const id = useParams()['id'] ?? '';
  const [params, setFilter] = useUrlFilters();
  const taskStatus = checkFilter('task status', params.get('task_status'), TASK_STATUSES);
  const workstream = useWorkstream(id);
  const progress = useWorkstreamProgress(id);
  const decisions = useWorkstreamDecisions(id, workstream.data?.domain);
  return (
    <QueryState query={workstream} label="the workstream">
      {(w) => (
        <>
          <h1>
            <code>{w.workplan_id}</code> {w.title}
          </h1>
          <dl className="card facts" aria-label="Workstream">
            <dt>Status</dt>
            <dd>
              <StatusBadge status={w.status} />
            </dd>
            <dt>Repo</dt>
            <dd>
              <Link to={`/repos/${w.repo}`}>{w.repo}</Link> ({w.domain})
            </dd>
            <dt>Workplan file</dt>
            <dd>
              <code>{w.source_path ?? 'not from a file'}</code>
            </dd>
            {w.owner && (
              <>
                <dt>Owner</dt>
                <dd>{w.owner}</dd>
              </>
            )}
          </dl>
          <section aria-labelledby="tasks-title">
            <h2 id="tasks-title">Tasks</h2>
            <div className="filters">
              <FilterSelect
                label="Task status"
                value={taskStatus.value}
                options={TASK_STATUSES}
                onChange={(v) => setFilter('task_status', v)}
              />
            </div>
            {taskStatus.error ? (
              <ErrorMessage error={new FilterError(taskStatus.error)} />
            ) : (
              <TasksTable tasks={taskStatus.value ? w.tasks.filter((t) => t.status === taskStatus.value) : w.tasks} />
            )}
          </section>
          <div className="columns">
            <section aria-labelledby="ws-decisions-title">
              <h2 id="ws-decisions-title">Decisions</h2>
              <QueryState query={decisions} label="decisions">
                {(items) => <DecisionsList decisions={items} />}
              </QueryState>
            </section>
            <section aria-labelledby="ws-progress-title">
              <h2 id="ws-progress-title">Progress</h2>
              <QueryState query={progress} label="progress events">
                {(page) => <ProgressEventsList events={page.items} />}
              </QueryState>
            </section>
          </div>
        </>
      )}
    </QueryState>
  );
}
