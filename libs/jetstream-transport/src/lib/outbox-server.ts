// The event transport without NATS: the hub's outbox relay hands each committed
// event straight to this server, which runs the same @EventPattern handlers as
// JetStreamServer, with the same rules. Settling is the relay's: a resolved
// publish marks the outbox row delivered (ack); a throw backs it off and brings it
// back (nak); what cannot be handled is stored as a dead letter, then resolved.
import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import { BaseRpcContext, type CustomTransportStrategy } from '@nestjs/microservices';
import { decodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { buildDeadLetter, type DeadLetter } from './dead-letter';
import { EnvelopeServer } from './envelope-server';
import { describeFailure } from './handler-failure';
import { InFlightLimiter } from './in-flight-limiter';
import type { JetStreamContext } from './jetstream-context';
import type { EnvelopeCheck, TransportLogger } from './jetstream-transport-options';
import { TransientError } from './transient-error';
import { createCounters, type JetStreamTransportStats } from './transport-stats';

/** Where dead letters go without NATS (a table); `key` is stable per message, so a retry stores it once. */
export interface DeadLetterStore {
  store(letter: DeadLetter, key: string): Promise<void>;
}

export interface OutboxServerOptions {
  deadLetters: DeadLetterStore;
  /** Runs after the envelope rules, before the handler (as JetStreamServer's `validate`). */
  validate?: EnvelopeCheck;
  /** Deliveries before a failing event is dead-lettered. Default 5, as on JetStream. */
  maxDeliver?: number;
  /** Concurrent handler executions. Default 32. */
  maxInFlight?: number;
  /** How long close() waits for running handlers. Default 10 000. */
  closeTimeoutMs?: number;
  logger?: TransportLogger;
}

interface OutboxDelivery {
  subject: string;
  data: Uint8Array;
  msgId: string;
  /** 1 on the first delivery. */
  delivery: number;
  keepAlive: () => void;
}

export type OutboxStatus = 'connected' | 'closed';
export type OutboxEvents = { dead_letter: (letter: DeadLetter) => void };

class OutboxRpcContext extends BaseRpcContext<[EventEnvelope]> implements JetStreamContext {
  /** There is no stream: events come from the outbox. */
  readonly streamSequence = 0;
  constructor(
    readonly subject: string,
    readonly envelope: EventEnvelope,
    readonly msgId: string,
    readonly deliveryCount: number,
    private readonly keepAlive: () => void,
  ) {
    super([envelope]);
  }
  working(): void {
    this.keepAlive();
  }
}

export class OutboxServer extends EnvelopeServer<OutboxEvents, OutboxStatus> implements CustomTransportStrategy {
  private readonly counters = createCounters();
  private readonly emitter = new EventEmitter();
  private readonly limiter: InFlightLimiter;
  private readonly log: TransportLogger;
  private readonly maxDeliver: number;
  private listening = false;
  private closing?: Promise<void>;

  constructor(private readonly options: OutboxServerOptions) {
    super();
    this.log = options.logger ?? new Logger(OutboxServer.name);
    this.maxDeliver = options.maxDeliver ?? 5;
    this.limiter = new InFlightLimiter(options.maxInFlight ?? 32);
  }

  /** True while handlers are registered and the server is not closing: the relay delivers only then. */
  get ready(): boolean {
    return this.listening && !this.closing;
  }

  listen(callback: (error?: unknown) => void): void {
    this.listening = true;
    this._status$.next('connected');
    this.log.log('consuming events from the outbox (no NATS)');
    callback();
  }

  /** Takes no new events, then waits (bounded) for running handlers. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  on<K extends keyof OutboxEvents = keyof OutboxEvents, C extends OutboxEvents[K] = OutboxEvents[K]>(
    event: K,
    callback: C,
  ): void {
    this.emitter.on(event, callback);
  }

  /** There is no connection underneath: the server itself. */
  unwrap<T = OutboxServer>(): T {
    return this as unknown as T;
  }

  stats(): JetStreamTransportStats {
    return { ...this.counters, inFlight: this.limiter.inFlight };
  }

  /** The relay hands rows over as plain JSON: this server decodes and checks them, and dead-letters what fails. */
  encode(envelope: unknown): Uint8Array {
    return Buffer.from(JSON.stringify(envelope));
  }

  /**
   * One delivery of an outbox event (the relay's publisher interface). `attempts` is how often it was
   * tried before; `keepAlive` extends the relay's lease on it while the handler works (`ctx.working()`).
   * Resolves once its handler has finished (or it is stored as a dead letter).
   */
  async publish(
    subject: string,
    data: Uint8Array,
    msgId: string,
    attempts = 0,
    keepAlive: () => void = () => undefined,
  ): Promise<{ duplicate: boolean }> {
    if (!this.ready || !(await this.limiter.acquire())) throw new TransientError('the engine is not consuming');
    try {
      await this.process({ subject, data, msgId, delivery: attempts + 1, keepAlive });
      return { duplicate: false };
    } finally {
      this.limiter.release();
    }
  }

  private async process(delivery: OutboxDelivery): Promise<void> {
    const { subject, data, msgId } = delivery;
    this.counters.consumed++;
    const decoded = decodeEnvelope(data);
    if (!decoded.ok) return this.deadLetter(delivery, decoded.reason);
    const { envelope } = decoded;
    if (envelope.type !== subject) {
      const reason = `envelope type ${envelope.type} does not match subject ${subject}`;
      return this.deadLetter(delivery, reason);
    }
    const rejected = this.options.validate?.(subject, envelope);
    if (rejected !== undefined) return this.deadLetter(delivery, rejected || 'rejected');
    const ctx = new OutboxRpcContext(subject, envelope, msgId, delivery.delivery, delivery.keepAlive);
    let handled: boolean;
    try {
      handled = await this.dispatch(subject, envelope, ctx);
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.poison) return this.deadLetter(delivery, `poison message: ${failure.reason}`);
      if (delivery.delivery >= this.maxDeliver) {
        const reason = `handler failed on all ${delivery.delivery} deliveries; last error: ${failure.reason}`;
        return this.deadLetter(delivery, reason);
      }
      this.counters.naked++;
      this.log.warn(
        `handler failed for event ${msgId} (${subject}): ${failure.reason}; delivery ${delivery.delivery}/${this.maxDeliver}`,
      );
      throw error;
    }
    if (!handled) this.counters.unmatched++;
    this.counters.acked++;
  }

  /** Stored, then the event counts as settled; a failure to store throws, so the relay retries it. */
  private async deadLetter({ subject, data, msgId, delivery }: OutboxDelivery, reason: string): Promise<void> {
    const letter = buildDeadLetter({ subject, reason, data, deliveryCount: delivery });
    await this.options.deadLetters.store(letter, `outbox:${msgId}`);
    this.counters.deadLettered++;
    this.counters.termed++;
    this.emitter.emit('dead_letter', letter);
    this.log.warn(`dead-lettered event ${msgId} (${subject}): ${reason}`);
  }

  private async shutdown(): Promise<void> {
    this.limiter.close();
    const timeoutMs = this.options.closeTimeoutMs ?? 10_000;
    if (!(await this.limiter.whenIdle(timeoutMs))) {
      this.log.warn(`${this.limiter.inFlight} handler(s) still running after ${timeoutMs} ms; their events come again`);
    }
    this.listening = false;
    this._status$.next('closed');
    this.emitter.removeAllListeners();
  }
}
