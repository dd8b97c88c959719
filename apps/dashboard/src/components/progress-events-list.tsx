// Progress events, newest first: what happened, when, by whom.
import type { HubSchemas } from '@state-hub/hub-client';
import { formatDateTime } from '../lib/format-time';

export function ProgressEventsList({ events }: { events: HubSchemas['ProgressEventView'][] }) {
  if (events.length === 0) return <p className="muted">No progress events yet.</p>;
  return (
    <ol className="events">
      {events.map((event) => (
        <li key={event.id}>
          <time dateTime={event.occurred_at}>{formatDateTime(event.occurred_at)}</time> <code>{event.event_type}</code>{' '}
          {event.summary}
          {event.actor && <span className="muted"> — {event.actor}</span>}
        </li>
      ))}
    </ol>
  );
}
