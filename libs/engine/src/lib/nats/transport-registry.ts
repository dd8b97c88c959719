// The event transport is created outside Nest's container (it is the
// microservice strategy); this holder lets health and metrics read its state.
// It is JetStream (a durable consumer) or, in the one-process deployment
// without NATS, the outbox.
import { Injectable } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { EventDelivery } from '@state-hub/db';
import type { JetStreamServer, JetStreamTransportStats, OutboxServer } from '@state-hub/jetstream-transport';

export type { EventDelivery };

/** The JetStream consumer's connection and the streams it reads and dead-letters to. */
export interface JetStreamHandle {
  connection: NatsConnection;
  stream: string;
  deadLetterStream: string;
}

type Registered =
  | { delivery: 'jetstream'; server: JetStreamServer; consumer: { stream: string; durable: string } }
  | { delivery: 'outbox'; server: OutboxServer };

@Injectable()
export class TransportRegistry {
  private registered?: Registered;

  set(server: JetStreamServer, consumer: { stream: string; durable: string }): void {
    this.registered = { delivery: 'jetstream', server, consumer };
  }

  setOutbox(server: OutboxServer): void {
    this.registered = { delivery: 'outbox', server };
  }

  /** Undefined until a transport is connected (e.g. in a test that runs without one). */
  get delivery(): EventDelivery | undefined {
    return this.registered?.delivery;
  }

  /** Whether the outbox transport takes events; undefined for JetStream (its health is the NATS connection). */
  outboxConsuming(): boolean | undefined {
    return this.registered?.delivery === 'outbox' ? this.registered.server.ready : undefined;
  }

  /** Undefined without JetStream, or while the consumer is not connected yet. */
  jetstream(): JetStreamHandle | undefined {
    if (this.registered?.delivery !== 'jetstream') return undefined;
    const { server } = this.registered;
    try {
      return { connection: server.unwrap<NatsConnection>(), ...server.streams };
    } catch {
      return undefined; // not listening yet (unwrap says so): the caller answers "unavailable"
    }
  }

  stats(): JetStreamTransportStats | undefined {
    return this.registered?.server.stats();
  }

  /**
   * Consumer lag: messages in the stream not yet delivered to the durable, plus delivered ones
   * not yet acked. Undefined while NATS cannot answer, and without NATS (the outbox backlog is the hub's).
   */
  async lag(): Promise<{ pending: number; ackPending: number } | undefined> {
    if (this.registered?.delivery !== 'jetstream') return undefined;
    const { server, consumer } = this.registered;
    try {
      const jsm = await jetstreamManager(server.unwrap<NatsConnection>());
      const info = await jsm.consumers.info(consumer.stream, consumer.durable);
      return { pending: info.num_pending, ackPending: info.num_ack_pending };
    } catch {
      return undefined; // not connected or consumer not created yet: nothing to report
    }
  }
}
