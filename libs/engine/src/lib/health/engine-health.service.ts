// The engine's health: its database, how events reach it, and its definitions.
// Served at the engine's /health, and reported into the hub's /state/health when
// both run in one process.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthPart, HealthPartReport } from '@state-hub/nest-http';
import { DataSource } from 'typeorm';
import { DefinitionsService } from '../definitions/definitions.service';
import { EventPublisher } from '../nats/event-publisher.service';
import { TransportRegistry } from '../nats/transport-registry';
import type { EngineHealthView } from './health.view';

@Injectable()
export class EngineHealth implements HealthPart {
  readonly name = 'engine';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly definitions: DefinitionsService,
    private readonly transport: TransportRegistry,
  ) {}

  /** `ok` when the database answers and events can reach the engine (NATS up, or the outbox transport consuming). */
  async check(): Promise<EngineHealthView> {
    const db = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const outbox = this.transport.outboxConsuming();
    const delivery = this.transport.delivery ?? 'jetstream';
    const nats = delivery === 'outbox' ? 'disabled' : this.publisher.isConnected() ? 'up' : 'down';
    const events = delivery === 'outbox' ? outbox === true : nats === 'up';
    return {
      status: db === 'up' && events ? 'ok' : 'degraded',
      db,
      nats,
      delivery,
      definitions: this.definitions.counts(),
    };
  }

  async report(): Promise<HealthPartReport> {
    const { status, ...details } = await this.check();
    return { status: status === 'ok' ? 'up' : 'down', ...details };
  }
}
