// What a handler gets as its @Ctx(): where the event came from and how often it
// has been delivered, so it can log, de-duplicate or decide how hard to retry.
import type { JsMsg } from '@nats-io/jetstream';
import { BaseRpcContext } from '@nestjs/microservices';
import type { EventEnvelope } from '@state-hub/envelope';

export interface JetStreamContext {
  subject: string;
  envelope: EventEnvelope;
  /** 1 on the first delivery. */
  deliveryCount: number;
  streamSequence: number;
  /** The Nats-Msg-Id header (the envelope id when published by the outbox relay). */
  msgId?: string;
  /** Tells the server the handler is still busy, restarting its ack wait (for work longer than ackWaitMs). */
  working(): void;
}

export class JetStreamRpcContext extends BaseRpcContext<[JsMsg, EventEnvelope]> implements JetStreamContext {
  readonly subject: string;
  readonly deliveryCount: number;
  readonly streamSequence: number;
  readonly msgId?: string;

  constructor(
    private readonly message: JsMsg,
    readonly envelope: EventEnvelope,
  ) {
    super([message, envelope]);
    this.subject = message.subject;
    this.deliveryCount = message.info.deliveryCount;
    this.streamSequence = message.seq;
    const msgId = message.headers?.get('Nats-Msg-Id');
    if (msgId) this.msgId = msgId;
  }

  working(): void {
    this.message.working();
  }
}
