// Publishes the engine's own events (the `publish` instruction) on a NATS
// connection of its own, so publishing does not depend on the consumer's state.
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import type { AppConfig } from '../config/app-config';

const PUBLISH_TIMEOUT_MS = 5000;

@Injectable()
export class EventPublisher implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventPublisher.name);
  private connection?: NatsConnection;
  private js?: JetStreamClient;
  private disconnected = false;

  constructor(private readonly config: ConfigService<AppConfig, true>) {}

  async onModuleInit(): Promise<void> {
    const servers = this.config.get('NATS_URL', { infer: true });
    // Keep reconnecting forever: a NATS outage must not need an engine restart.
    this.connection = await connect({
      servers: servers.split(','),
      maxReconnectAttempts: -1,
      name: 'event-consumer',
      noAsyncTraces: true, // a publish is a request: no stack captured per publish (see the relay's publisher)
    });
    this.js = jetstream(this.connection, { timeout: PUBLISH_TIMEOUT_MS });
    void this.watchStatus(this.connection);
    this.logger.log(`publisher connected to ${this.connection.getServer()}`);
  }

  /** True while the publishing connection is up. */
  isConnected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed() && !this.disconnected;
  }

  private async watchStatus(connection: NatsConnection): Promise<void> {
    for await (const status of connection.status()) {
      if (status.type === 'disconnect') this.disconnected = true;
      if (status.type === 'reconnect') this.disconnected = false;
    }
  }

  /** Publishes once per msgId: JetStream's duplicate window drops a repeat with the same id. */
  async publish(envelope: EventEnvelope, msgId: string): Promise<{ stream: string; seq: number; duplicate: boolean }> {
    if (!this.js) throw new Error('NATS publisher is not connected');
    const ack = await this.js.publish(envelope.type, encodeEnvelope(envelope), { msgID: msgId });
    return { stream: ack.stream, seq: ack.seq, duplicate: ack.duplicate };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.connection
      ?.drain()
      .catch((error: unknown) => this.logger.warn(`draining NATS failed: ${String(error)}`));
  }
}
