// The JetStream transport is created outside Nest's container (it is the
// microservice strategy); this holder lets health and metrics read its stats.
import { Injectable } from '@nestjs/common';
import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { JetStreamServer, JetStreamTransportStats } from '@state-hub/jetstream-transport';

@Injectable()
export class TransportRegistry {
  private server?: JetStreamServer;
  private consumer?: { stream: string; durable: string };

  set(server: JetStreamServer, consumer: { stream: string; durable: string }): void {
    this.server = server;
    this.consumer = consumer;
  }

  /** Undefined until the consumer is connected (e.g. in a test that runs without it). */
  stats(): JetStreamTransportStats | undefined {
    return this.server?.stats();
  }

  /**
   * Consumer lag: messages in the stream not yet delivered to the durable, plus delivered ones
   * not yet acked. Undefined while NATS cannot answer (the metric is then left out).
   */
  async lag(): Promise<{ pending: number; ackPending: number } | undefined> {
    if (!this.server || !this.consumer) return undefined;
    try {
      const jsm = await jetstreamManager(this.server.unwrap<NatsConnection>());
      const info = await jsm.consumers.info(this.consumer.stream, this.consumer.durable);
      return { pending: info.num_pending, ackPending: info.num_ack_pending };
    } catch {
      return undefined; // not connected or consumer not created yet: nothing to report
    }
  }
}
