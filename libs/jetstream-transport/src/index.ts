export { JetStreamServer } from './lib/jetstream-server';
export { type DeadLetterStore, OutboxServer, type OutboxServerOptions } from './lib/outbox-server';
export {
  defaultNakDelayMs,
  type EnvelopeCheck,
  type JetStreamTransportOptions,
  type TransportLogger,
} from './lib/jetstream-transport-options';
export { TransientError } from './lib/transient-error';
export { PoisonMessageError } from './lib/poison-message-error';
export type { JetStreamContext } from './lib/jetstream-context';
export { type DeadLetter, DEAD_LETTER_LIMITS, deadLetterMsgId, deadLetterSubject } from './lib/dead-letter';
export type { JetStreamEvents, JetStreamStatus } from './lib/jetstream-events';
export type { JetStreamTransportStats } from './lib/transport-stats';
export { MAX_DELIVERIES_REASON } from './lib/max-deliveries-watcher';
