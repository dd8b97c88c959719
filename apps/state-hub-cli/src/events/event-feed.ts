// What `events tail` follows: JetStream (NATS_URL) or the hub's outbox table
// (DATABASE_URL), as one shape — messages until closed.
import type { TailedMessage } from './event-line';

export interface EventFeed {
  /** What is followed and where, for the status line. */
  description: string;
  messages(): AsyncIterable<TailedMessage>;
  /** Ends messages() (its loop finishes) and lets go of the connection; safe to call twice. */
  close(): Promise<void>;
}
