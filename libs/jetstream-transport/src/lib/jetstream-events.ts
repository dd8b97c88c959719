// Events and statuses the server reports through Nest's `on()` and `status`.
import type { DeadLetter } from './dead-letter';

export type JetStreamStatus = 'connected' | 'disconnected' | 'reconnecting' | 'closed';

export type JetStreamEvents = {
  disconnect: (server: string) => void;
  reconnect: (server: string) => void;
  /** A dead letter this server stored (not one another replica already wrote). */
  dead_letter: (letter: DeadLetter) => void;
};
