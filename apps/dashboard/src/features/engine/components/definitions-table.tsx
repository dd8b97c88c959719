// The engine's definitions: id, state, trigger, errors and warnings, and "Run now".
import type { EngineSchemas } from '@state-hub/engine-client';
import { Link } from 'react-router-dom';
import { ErrorMessage } from '../../../components/error-message';
import { StatusBadge } from '../../../components/status-badge';
import { formatDateTime } from '../../../lib/format-time';
import { useRunDefinition } from '../api/run-definition';

type Definition = EngineSchemas['DefinitionStatusView'];

export function DefinitionsTable({ definitions }: { definitions: Definition[] }) {
  const run = useRunDefinition();
  if (definitions.length === 0) return <p className="muted">The engine has no definition files.</p>;
  return (
    <>
      {run.isSuccess && (
        <p role="status" className="notice">
          Started run <Link to={`/engine/runs/${run.data.id}`}>{run.data.id}</Link> of {run.data.definition_id} (
          {run.data.status}).
        </p>
      )}
      {run.isError && <ErrorMessage error={run.error} />}
      <table>
        <thead>
          <tr>
            <th scope="col">Definition</th>
            <th scope="col">State</th>
            <th scope="col">Trigger</th>
            <th scope="col">Problems</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {definitions.map((d) => (
            <tr key={d.source_path}>
              <td>
                {d.id ? <Link to={`/engine/runs?definition=${encodeURIComponent(d.id)}`}>{d.id}</Link> : <em>no id</em>}
                <div className="muted">
                  <code>{d.source_path}</code>
                </div>
              </td>
              <td>
                <StatusBadge status={d.state} />
              </td>
              <td>
                <TriggerText definition={d} />
              </td>
              <td>
                {[...d.errors, ...d.warnings].length === 0 ? (
                  '—'
                ) : (
                  <ul className="warnings">
                    {d.errors.map((e) => (
                      <li key={e} className="problem">
                        <code>{e}</code>
                      </li>
                    ))}
                    {d.warnings.map((w) => (
                      <li key={w}>{w}</li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                {d.id && d.state === 'loaded' && (
                  <button type="button" disabled={run.isPending} onClick={() => d.id && run.mutate(d.id)}>
                    Run {d.id} now
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function TriggerText({ definition: d }: { definition: Definition }) {
  if (d.trigger_type === 'cron') {
    return (
      <>
        cron <code>{d.cron_expression}</code> {d.timezone}
        <div className="muted">next: {formatDateTime(d.next_fire_at)}</div>
      </>
    );
  }
  if (d.trigger_type === 'event')
    return (
      <>
        event <code>{d.event_type}</code>
      </>
    );
  return d.trigger_type ?? '—';
}
