// The seam between the hub's relay and an engine in the same process: when a
// provider for this token exists and NATS is not configured, the relay hands
// committed events to it (a RelayPublisher that runs the engine's handlers)
// instead of waiting for NATS.
export const OUTBOX_DELIVERY = Symbol.for('state-hub.outbox-delivery');
