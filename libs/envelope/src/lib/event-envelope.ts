// The wire shape of every event on NATS (DESIGN §3). The zod schema in
// envelope-schema.ts is checked against this interface at compile time. The
// field comments give the publisher's rules; a reader (read-envelope.ts) is looser.

/** `org.<publisher>.<noun>[.<noun>].<verb-past-tense>`: lowercase tokens, at least four. */
export const ENVELOPE_EVENT_TYPE_PATTERN = /^org(?:\.[a-z][a-z0-9_]*){3,}$/;

export interface EventEnvelope<A extends Record<string, unknown> = Record<string, unknown>> {
  /** UUID, v7 from the builder; unique per event, stable across retries (used as Nats-Msg-Id). Readers take any printable id up to 128 chars. */
  id: string;
  /** The NATS subject, e.g. `org.statehub.repo.registered`. */
  type: string;
  /** Schema version of the attributes, e.g. `1.0`. */
  version: string;
  /** RFC 3339 UTC (ends in `Z`): when the state change committed. Readers take any offset. */
  timestamp: string;
  /** Who published the event, e.g. `state-hub`, `activity-engine`. */
  publisher: string;
  /** The payload: a JSON object with snake_case top-level keys. */
  attributes: A;
  correlation_id?: string;
  causation_id?: string;
}
