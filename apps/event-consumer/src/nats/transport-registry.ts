// The JetStream transport is created outside Nest's container (it is the
// microservice strategy); this holder lets health and metrics read its stats.
import { Injectable } from '@nestjs/common';
import type { JetStreamServer, JetStreamTransportStats } from '@state-hub/jetstream-transport';

@Injectable()
export class TransportRegistry {
  private server?: JetStreamServer;

  set(server: JetStreamServer): void {
    this.server = server;
  }

  /** Undefined until the consumer is connected (e.g. in a test that runs without it). */
  stats(): JetStreamTransportStats | undefined {
    return this.server?.stats();
  }
}
