// Options of the transport, with their defaults, checked once at construction so
// a bad value fails the app at startup rather than on the first message.
import type { EventEnvelope } from '@state-hub/envelope';

export interface TransportLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * The app's own check of a decoded envelope (e.g. its attribute schema): a reason to
 * dead-letter the message, or undefined to hand it to the handler. A throw is a bug in
 * the check, not in the message: the message is nak'd and retried, never dropped.
 */
export type EnvelopeCheck = (subject: string, envelope: EventEnvelope) => string | undefined;

export interface JetStreamTransportOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222` (comma separated for several). */
  servers: string;
  /** The stream to consume, e.g. `ACTIVITY_EVENTS`; created (file storage, 2 min de-duplication) if missing. */
  stream: string;
  /** Subjects of the stream when it has to be created. Default `['org.>']`. */
  streamSubjects?: string[];
  /** Durable pull consumer shared by every replica, e.g. `activity-engine`. */
  durable: string;
  /** Consumer filter. Default `org.>`. */
  filterSubject?: string;
  /** Deliveries before a failing message is dead-lettered. Default 5. */
  maxDeliver?: number;
  /** How long a handler may run before the server redelivers its message. Default 30 000. */
  ackWaitMs?: number;
  /**
   * Consumer `backoff`: per-delivery ack deadlines. Default none. The server then uses
   * `backoffMs[0]` as the ack wait and lengthens every delayed nak (see README).
   */
  backoffMs?: number[];
  /** Delay of the nak after a transient failure. Default capped exponential, 1 s .. 30 s. */
  nakDelayMs?: (deliveryCount: number) => number;
  /** Stream for dead letters, subjects `deadletter.>`. Default `ACTIVITY_DEADLETTER`. */
  deadLetterStream?: string;
  /**
   * Replicas of the streams and the durable consumer this transport creates (an existing one is left as it is):
   * 3 on a three-node JetStream cluster, 1 (the default) on a single server.
   */
  replicas?: number;
  /** Concurrent handler executions per server (also the pull batch size). Default 32. */
  maxInFlight?: number;
  /** How long close() waits for running handlers before draining the connection. Default 10 000. */
  closeTimeoutMs?: number;
  /** Runs after the envelope rules, before the handler. Default: every envelope passes. */
  validate?: EnvelopeCheck;
  logger?: TransportLogger;
}

export interface ResolvedTransportOptions {
  servers: string;
  stream: string;
  streamSubjects: string[];
  durable: string;
  filterSubject: string;
  maxDeliver: number;
  ackWaitMs: number;
  backoffMs: number[];
  nakDelayMs: (deliveryCount: number) => number;
  deadLetterStream: string;
  deadLetterSubjects: string[];
  replicas: number;
  maxInFlight: number;
  closeTimeoutMs: number;
  validate: EnvelopeCheck;
  logger: TransportLogger;
}

export const DEAD_LETTER_SUBJECT_PREFIX = 'deadletter';
/** Duplicate window of the streams this transport creates (and of dead-letter de-duplication). */
export const DUPLICATE_WINDOW_MS = 2 * 60 * 1000;
const MAX_NAK_DELAY_MS = 30_000;

/** 1 s, 2 s, 4 s … capped at 30 s. */
export function defaultNakDelayMs(deliveryCount: number): number {
  const attempt = Math.max(1, Math.floor(deliveryCount));
  return Math.min(MAX_NAK_DELAY_MS, 1000 * 2 ** Math.min(attempt - 1, 15));
}

export function resolveTransportOptions(
  options: JetStreamTransportOptions,
  fallbackLogger: TransportLogger,
): ResolvedTransportOptions {
  const resolved: ResolvedTransportOptions = {
    servers: requireText(options.servers, 'servers'),
    stream: requireText(options.stream, 'stream'),
    streamSubjects: options.streamSubjects ?? ['org.>'],
    durable: requireText(options.durable, 'durable'),
    filterSubject: options.filterSubject ?? 'org.>',
    maxDeliver: requireCount(options.maxDeliver ?? 5, 'maxDeliver'),
    ackWaitMs: requireCount(options.ackWaitMs ?? 30_000, 'ackWaitMs'),
    backoffMs: (options.backoffMs ?? []).map((ms, i) => requireCount(ms, `backoffMs[${i}]`)),
    nakDelayMs: options.nakDelayMs ?? defaultNakDelayMs,
    deadLetterStream: requireText(options.deadLetterStream ?? 'ACTIVITY_DEADLETTER', 'deadLetterStream'),
    deadLetterSubjects: [`${DEAD_LETTER_SUBJECT_PREFIX}.>`],
    replicas: requireCount(options.replicas ?? 1, 'replicas'),
    maxInFlight: requireCount(options.maxInFlight ?? 32, 'maxInFlight'),
    closeTimeoutMs: requireCount(options.closeTimeoutMs ?? 10_000, 'closeTimeoutMs'),
    validate: options.validate ?? (() => undefined),
    logger: options.logger ?? fallbackLogger,
  };
  if (resolved.backoffMs.length > resolved.maxDeliver) {
    // The server refuses this combination; say so before it does, with our option names.
    throw new Error(`JetStreamServer: backoffMs has ${resolved.backoffMs.length} entries, more than maxDeliver`);
  }
  if (resolved.streamSubjects.length === 0) throw new Error('JetStreamServer: streamSubjects must not be empty');
  return resolved;
}

/** The nak delay for a delivery, never 0: a bare nak redelivers at once and burns max_deliver in milliseconds. */
export function nakDelayFor(options: ResolvedTransportOptions, deliveryCount: number): number {
  const delay = Number(options.nakDelayMs(deliveryCount));
  return Number.isFinite(delay) && delay >= 1 ? Math.round(delay) : 1;
}

function requireText(value: string | undefined, name: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new Error(`JetStreamServer: ${name} is required`);
  return value;
}

function requireCount(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`JetStreamServer: ${name} must be a positive integer, got ${String(value)}`);
  }
  return value;
}
