// The write side of the transactional outbox: an event row is inserted with
// the same entity manager (so in the same transaction) as the state change.
import type { EventEnvelope } from '@state-hub/envelope';
import type { EntityManager } from 'typeorm';

/** Postgres channel a relay LISTENs on; NOTIFY is delivered only if the transaction commits. */
export const OUTBOX_CHANNEL = 'state_hub_outbox';

/**
 * Inserts the event's row; with `ifAbsent`, an event whose id is already there is left alone.
 * Resolves true when a row was inserted.
 */
export async function appendToOutbox(
  manager: EntityManager,
  envelope: EventEnvelope,
  options: { ifAbsent?: boolean } = {},
): Promise<boolean> {
  // One round trip: the row, plus a NOTIFY that Postgres delivers only on commit.
  const rows: unknown[] = await manager.query(
    `WITH inserted AS (
       INSERT INTO event_outbox (id, subject, envelope) VALUES ($1, $2, $3::jsonb)
       ${options.ifAbsent ? 'ON CONFLICT (id) DO NOTHING' : ''} RETURNING id)
     SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`,
    [envelope.id, envelope.type, JSON.stringify(envelope)],
  );
  return rows.length > 0;
}
