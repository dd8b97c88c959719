export {
  appendToOutbox,
  changeWithEvent,
  OUTBOX_CHANNEL,
  type AppendOptions,
  type ChangeStatement,
} from './lib/outbox-writer';
export { needsNotify, OutboxSignal, type CommitListenerOptions, type OutboxCommits } from './lib/outbox-signal';
export { OUTBOX_DELIVERY } from './lib/outbox-delivery';
export { outboxDbFromDataSource, outboxDbFromUrl, type OutboxDb } from './lib/outbox-db';
export { OutboxStore, type ClaimedEvent, type OutboxStats } from './lib/outbox-store';
export {
  DEFAULT_RELAY_OPTIONS,
  OutboxRelay,
  retryDelayMs,
  type OutboxRelayOptions,
  type RelayLogger,
  type RelayObserver,
  type RelayPublisher,
} from './lib/outbox-relay';
export { listenForOutboxCommits, type OutboxListener } from './lib/outbox-listener';
export { JetStreamPublisher, type JetStreamPublisherOptions, type NatsState } from './lib/jetstream-publisher';
export { ACTIVITY_EVENTS_STREAM, ensureStream, type StreamSettings } from './lib/stream-settings';
