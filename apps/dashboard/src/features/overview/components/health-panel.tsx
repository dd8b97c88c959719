// The health of every part: hub and database, engine, event delivery, NATS, outbox backlog.
import { QueryState } from '../../../components/query-state';
import { StatusBadge } from '../../../components/status-badge';
import { formatAge, formatDateTime } from '../../../lib/format-time';
import { useEngineHealth } from '../api/get-engine-health';
import { useHealth } from '../api/get-health';
import { useOutbox } from '../api/get-outbox';

export function HealthPanel() {
  const health = useHealth();
  const outbox = useOutbox();
  const engine = useEngineHealth();
  return (
    <section aria-labelledby="health-title">
      <h2 id="health-title">Health</h2>
      <div className="cards">
        <QueryState query={health} label="the hub's health">
          {(h) => (
            <dl className="card" aria-label="Hub">
              <dt>Hub</dt>
              <dd>
                <StatusBadge status={h.status} /> <span className="muted">v{h.version}</span>
              </dd>
              <dt>Database</dt>
              <dd>
                <StatusBadge status={h.db} />
              </dd>
              <dt>Event delivery</dt>
              <dd>{h.delivery}</dd>
              <dt>NATS</dt>
              <dd>
                <StatusBadge status={h.nats} />
              </dd>
            </dl>
          )}
        </QueryState>
        <QueryState query={outbox} label="the outbox">
          {(o) => (
            <dl className="card" aria-label="Outbox">
              <dt>Outbox backlog</dt>
              <dd>{o.pending} pending</dd>
              <dt>Oldest pending</dt>
              <dd>{formatAge(o.oldest_pending_age_seconds)}</dd>
              <dt>Published last hour</dt>
              <dd>{o.published_last_hour}</dd>
              {o.last_error && (
                <>
                  <dt>Last publish failure</dt>
                  <dd>
                    {o.last_error.message} ({formatDateTime(o.last_error.at)})
                  </dd>
                </>
              )}
            </dl>
          )}
        </QueryState>
        <QueryState query={engine} label="the engine's health">
          {(e) => (
            <dl className="card" aria-label="Engine">
              <dt>Engine</dt>
              <dd>
                <StatusBadge status={e.status} />
              </dd>
              <dt>Engine database</dt>
              <dd>
                <StatusBadge status={e.db} />
              </dd>
              <dt>Engine delivery</dt>
              <dd>{e.delivery}</dd>
              <dt>Definitions</dt>
              <dd>
                {e.definitions.loaded} loaded, {e.definitions.invalid} invalid, {e.definitions.disabled} disabled
              </dd>
            </dl>
          )}
        </QueryState>
      </div>
    </section>
  );
}
