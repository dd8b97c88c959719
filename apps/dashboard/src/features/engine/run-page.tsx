// One run: what triggered it (event or cron slot), the context snapshot, each
// rule check with its value, the instruction's result, duration, replica,
// replays; replay it from here.
import type { EngineSchemas } from '@state-hub/engine-client';
import { Link, useParams } from 'react-router-dom';
import { ErrorMessage } from '../../components/error-message';
import { JsonBlock } from '../../components/json-block';
import { QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTime, formatDuration } from '../../lib/format-time';
import { useRun } from './api/get-run';
import { useReplayRun } from './api/replay-run';
import { RunRulesTable } from './components/run-rules-table';
import { readRule } from './run-rule';

export function RunPage() {
  const id = useParams()['id'] ?? '';
  const run = useRun(id);
  return (
    <QueryState query={run} label="the run">
      {(r) => <RunDetail run={r} />}
    </QueryState>
  );
}

function RunDetail({ run }: { run: EngineSchemas['RunDetailView'] }) {
  const replay = useReplayRun();
  return (
    <>
      <h1>
        Run of {run.definition_id} <StatusBadge status={run.status} />
      </h1>
      <dl className="card facts" aria-label="Run">
        <dt>Trigger</dt>
        <dd>
          {run.trigger_kind === 'cron' ? 'cron slot' : run.trigger_kind} <code>{run.trigger_key}</code>
          {run.event_type && (
            <>
              {' '}
              (<code>{run.event_type}</code>)
            </>
          )}
        </dd>
        <dt>Started</dt>
        <dd>{formatDateTime(run.started_at)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(run.duration_ms)}</dd>
        <dt>Replica</dt>
        <dd>{run.replica ?? '—'}</dd>
        {run.skip_reason && (
          <>
            <dt>Skipped because</dt>
            <dd>{run.skip_reason}</dd>
          </>
        )}
        {run.error && (
          <>
            <dt>Error</dt>
            <dd className="problem">{run.error}</dd>
          </>
        )}
        {run.replay_of && (
          <>
            <dt>Replay of</dt>
            <dd>
              <Link to={`/engine/runs/${run.replay_of}`}>{run.replay_of}</Link>
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <button type="button" disabled={replay.isPending} onClick={() => replay.mutate(run.id)}>
          Replay this run
        </button>
      </div>
      {replay.isSuccess && (
        <p role="status" className="notice">
          Replay started: <Link to={`/engine/runs/${replay.data.id}`}>{replay.data.id}</Link> ({replay.data.status}).
        </p>
      )}
      {replay.isError && <ErrorMessage error={replay.error} />}
      <section aria-labelledby="replays-title">
        <h2 id="replays-title">Replays</h2>
        {run.replays.length === 0 ? (
          <p className="muted">Not replayed.</p>
        ) : (
          <ul>
            {run.replays.map((r) => (
              <li key={r.id}>
                <Link to={`/engine/runs/${r.id}`}>{formatDateTime(r.started_at)}</Link>{' '}
                <StatusBadge status={r.status} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="rule-title">
        <h2 id="rule-title">Rule</h2>
        <RunRulesTable rule={readRule(run.rule)} />
      </section>
      <section aria-labelledby="result-title">
        <h2 id="result-title">Instruction result</h2>
        {run.result ? <JsonBlock value={run.result} label="instruction result" /> : <p className="muted">No result.</p>}
        {run.warnings.length > 0 && (
          <ul className="warnings">
            {run.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="context-title">
        <h2 id="context-title">Context snapshot</h2>
        <JsonBlock value={run.context} label="context snapshot" />
      </section>
      {run.trigger_event && (
        <section aria-labelledby="event-title">
          <h2 id="event-title">Event</h2>
          <JsonBlock value={run.trigger_event} label="trigger event" />
        </section>
      )}
    </>
  );
}
