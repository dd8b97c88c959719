// Counters of what the transport did since it started, for metrics and tests.

export interface JetStreamTransportStats {
  /** Messages taken from the consumer and processed (every delivery counts). */
  consumed: number;
  /** Acks the server confirmed. */
  acked: number;
  /** Acks sent but not confirmed (the message may come again; handlers are idempotent). */
  ackUnconfirmed: number;
  naked: number;
  termed: number;
  /** Dead letters stored by this server (a duplicate of one already stored is not counted). */
  deadLettered: number;
  /** Messages no handler pattern matched (acked: nothing to do). */
  unmatched: number;
  /** Handlers running now. */
  inFlight: number;
}

export type TransportCounters = Omit<JetStreamTransportStats, 'inFlight'>;

export function createCounters(): TransportCounters {
  return { consumed: 0, acked: 0, ackUnconfirmed: 0, naked: 0, termed: 0, deadLettered: 0, unmatched: 0 };
}
