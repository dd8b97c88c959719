// One delivery, start to end: decode, check (envelope rules, then the app's own
// check), hand to the handler, then settle it with exactly one of ack, nak
// (explicit delay) or dead letter + term.
import type { JsMsg } from '@nats-io/jetstream';
import { decodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { buildDeadLetter } from './dead-letter';
import type { DeadLetterPublisher } from './dead-letter-publisher';
import { describeFailure } from './handler-failure';
import { JetStreamRpcContext } from './jetstream-context';
import { nakDelayFor, type ResolvedTransportOptions } from './jetstream-transport-options';
import type { TransportCounters } from './transport-stats';

/** Runs the handler for a subject; resolves false when no pattern matches it. */
export type MessageDispatcher = (
  subject: string,
  envelope: EventEnvelope,
  ctx: JetStreamRpcContext,
) => Promise<boolean>;

export interface MessageProcessorDeps {
  options: ResolvedTransportOptions;
  deadLetters: DeadLetterPublisher;
  dispatch: MessageDispatcher;
  counters: TransportCounters;
  /** The consumer's max_deliver as the server holds it. */
  maxDeliver(): number;
}

/** Subjects already reported as unmatched; bounded so a flood of subjects cannot grow it. */
const MAX_REPORTED_UNMATCHED = 1000;

export class MessageProcessor {
  private readonly reportedUnmatched = new Set<string>();

  constructor(private readonly deps: MessageProcessorDeps) {}

  private get log() {
    return this.deps.options.logger;
  }

  async process(msg: JsMsg): Promise<void> {
    this.deps.counters.consumed++;
    const decoded = decodeEnvelope(msg.data);
    if (!decoded.ok) return this.deadLetter(msg, decoded.reason);
    if (decoded.envelope.type !== msg.subject) {
      return this.deadLetter(msg, `envelope type ${decoded.envelope.type} does not match subject ${msg.subject}`);
    }
    const rejected = this.deps.options.validate(msg.subject, decoded.envelope);
    if (rejected !== undefined) return this.deadLetter(msg, rejected || 'rejected by the validate option');
    let handled: boolean;
    try {
      handled = await this.deps.dispatch(msg.subject, decoded.envelope, new JetStreamRpcContext(msg, decoded.envelope));
    } catch (error) {
      return this.failed(msg, error);
    }
    if (!handled) this.unmatched(msg);
    await this.ack(msg);
  }

  /** Settles a delivery whose processing broke outside the handler (a bug here): retry later. */
  retryAfterCrash(msg: JsMsg, error: unknown): void {
    const delay = nakDelayFor(this.deps.options, msg.info.deliveryCount);
    this.log.error(`processing ${describe(msg)} crashed (${String(error)}); nak ${delay} ms`);
    this.nak(msg, delay);
  }

  private failed(msg: JsMsg, error: unknown): Promise<void> | void {
    const failure = describeFailure(error);
    if (failure.poison) return this.deadLetter(msg, `poison message: ${failure.reason}`);
    const deliveries = msg.info.deliveryCount;
    const max = this.deps.maxDeliver();
    if (max > 0 && deliveries >= max) {
      return this.deadLetter(msg, `handler failed on all ${deliveries} deliveries; last error: ${failure.reason}`);
    }
    const delay = nakDelayFor(this.deps.options, deliveries);
    this.log.warn(
      `handler failed for ${describe(msg)}: ${failure.reason}; delivery ${deliveries}/${max}, nak ${delay} ms`,
    );
    this.nak(msg, delay);
  }

  private async deadLetter(msg: JsMsg, reason: string): Promise<void> {
    const letter = buildDeadLetter({
      subject: msg.subject,
      reason,
      data: msg.data,
      streamSequence: msg.seq,
      deliveryCount: msg.info.deliveryCount,
      headers: msg.headers,
    });
    try {
      await this.deps.deadLetters.publish(letter);
    } catch (error) {
      // Not recorded, so not terminated: the nak brings it back to try again, and on
      // its last delivery the max-deliveries advisory gets another go at it.
      const delay = nakDelayFor(this.deps.options, msg.info.deliveryCount);
      this.log.error(`cannot dead-letter ${describe(msg)} (${reason}): ${String(error)}; nak ${delay} ms`);
      this.nak(msg, delay);
      return;
    }
    this.log.warn(`dead-lettered ${describe(msg)}: ${reason}`);
    try {
      msg.term(); // no reason text: nats-server 2.9 ignores a `+TERM <reason>` ack entirely
      this.deps.counters.termed++;
    } catch (error) {
      // The dead letter is stored; a redelivery dead-letters it again as a duplicate.
      this.log.warn(`term of ${describe(msg)} not sent (${String(error)}); it will be redelivered`);
    }
  }

  private async ack(msg: JsMsg): Promise<void> {
    try {
      if (await msg.ackAck()) {
        this.deps.counters.acked++;
        return;
      }
      this.deps.counters.ackUnconfirmed++;
      this.log.warn(`ack of ${describe(msg)} not confirmed; it may be redelivered`);
    } catch (error) {
      this.deps.counters.ackUnconfirmed++;
      this.log.warn(`ack of ${describe(msg)} not confirmed (${String(error)}); it may be redelivered`);
    }
  }

  private nak(msg: JsMsg, delayMs: number): void {
    try {
      msg.nak(delayMs);
      this.deps.counters.naked++;
    } catch (error) {
      this.log.warn(`nak of ${describe(msg)} not sent (${String(error)}); redelivered after the ack wait`);
    }
  }

  private unmatched(msg: JsMsg): void {
    this.deps.counters.unmatched++;
    if (this.reportedUnmatched.has(msg.subject) || this.reportedUnmatched.size >= MAX_REPORTED_UNMATCHED) return;
    this.reportedUnmatched.add(msg.subject);
    this.log.log(`no handler for ${msg.subject} (first seen at ${describe(msg)}); acked, further ones silently`);
  }
}

/** `seq 42 org.x.y.z (msg id …, delivery 2)`: what a log line needs to find the message again. */
export function describe(msg: JsMsg): string {
  const msgId = msg.headers?.get('Nats-Msg-Id');
  return `seq ${msg.seq} ${msg.subject} (${msgId ? `msg id ${msgId}, ` : ''}delivery ${msg.info.deliveryCount})`;
}
