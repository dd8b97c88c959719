// The write side of the transactional outbox: an event row is inserted with
// the same entity manager (so in the same transaction) as the state change.
import { typeormRows } from '@state-hub/db';
import type { EventEnvelope } from '@state-hub/envelope';
import type { EntityManager } from 'typeorm';
import { needsNotify, type OutboxCommits } from './outbox-signal';

/** Postgres channel a relay LISTENs on; NOTIFY is delivered only if the transaction commits. */
export const OUTBOX_CHANNEL = 'state_hub_outbox';

export interface AppendOptions {
  /** An event whose id is already there is left alone (no error). */
  ifAbsent?: boolean;
  /**
   * This process's outbox signal, if it has one. The commit wakes the relays of every process with a NOTIFY
   * unless a relay of this process is publishing ({@link OutboxCommits.relayPublishingHere}): Postgres serialises
   * the commits of transactions that NOTIFY, so a busy writer should not send one for nothing. Without a signal
   * (a CLI run, a test) the commit always NOTIFYs. Either way, call its committed() after the commit.
   */
  outbox?: Pick<OutboxCommits, 'relayPublishingHere'>;
}

/** Inserts the event's row. Resolves true when a row was inserted. */
export async function appendToOutbox(
  manager: EntityManager,
  envelope: EventEnvelope,
  options: AppendOptions = {},
): Promise<boolean> {
  const insert = `INSERT INTO event_outbox (id, subject, envelope) VALUES ($1, $2, $3::jsonb)
       ${options.ifAbsent ? 'ON CONFLICT (id) DO NOTHING' : ''} RETURNING id`;
  // One round trip: the row, plus (unless told otherwise) a NOTIFY that Postgres delivers only on commit.
  const rows: unknown[] = await manager.query(
    !needsNotify(options.outbox)
      ? insert
      : `WITH inserted AS (${insert}) SELECT pg_notify('${OUTBOX_CHANNEL}', '') FROM inserted`,
    [envelope.id, envelope.type, JSON.stringify(envelope)],
  );
  return rows.length > 0;
}

/** A data-modifying statement (parameters from $1) and its parameters. */
export interface ChangeStatement {
  sql: string;
  params: unknown[];
}

/**
 * Runs a state change that is one statement together with the row of its event, as one statement: one round
 * trip and one transaction, whose row locks are never held while the caller's process is busy with other work.
 * The event's row is written only if `change` returns a row; resolves `change`'s rows (none: nothing changed
 * and no event was written).
 */
export async function changeWithEvent<T>(
  manager: EntityManager,
  change: ChangeStatement,
  envelope: EventEnvelope,
  options: Pick<AppendOptions, 'outbox'> = {},
): Promise<T[]> {
  const n = change.params.length;
  const notify = needsNotify(options.outbox);
  const result: unknown = await manager.query(
    `WITH changed AS (${change.sql}),
          inserted AS (INSERT INTO event_outbox (id, subject, envelope)
                       SELECT $${n + 1}, $${n + 2}, $${n + 3}::jsonb WHERE EXISTS (SELECT 1 FROM changed) RETURNING id)
     SELECT changed.* FROM changed${
       // A plain SELECT in a WITH runs only if read: the cross join reads it, and its count() is one row always.
       notify ? `, (SELECT count(pg_notify('${OUTBOX_CHANNEL}', '')) FROM inserted) AS notified` : ''
     }`,
    [...change.params, envelope.id, envelope.type, JSON.stringify(envelope)],
  );
  return typeormRows<T>(result);
}
