import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import type { NatsState } from '@state-hub/outbox';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { APP_VERSION } from '../version';

const DB_PROBE_TIMEOUT_MS = 2000;

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ enum: ['disabled', 'connecting', 'up', 'down'], description: 'event publishing to NATS' })
  nats: NatsState;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'events waiting in the outbox (null while the DB is down)',
  })
  outbox_pending: number | null;
  @ApiProperty() version: string;
}

@Injectable()
export class HealthService {
  constructor(private readonly relay: OutboxRelayService) {}

  /** `ok` when the database answers; NATS being down does not degrade the hub (events wait in the outbox). */
  async check(): Promise<HealthView> {
    const pending = await this.outboxBacklog();
    const db = pending === undefined ? 'down' : 'up';
    return {
      status: db === 'up' ? 'ok' : 'degraded',
      db,
      nats: this.relay.natsState,
      outbox_pending: pending ?? null,
      version: APP_VERSION,
    };
  }

  /** The outbox backlog doubles as the database probe; undefined when the DB does not answer in time. */
  private async outboxBacklog(): Promise<number | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), DB_PROBE_TIMEOUT_MS);
    });
    const probe = this.relay.pendingCount().then(
      (n) => n,
      () => undefined,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
