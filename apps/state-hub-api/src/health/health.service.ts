import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsState } from '@state-hub/outbox';
import { DataSource } from 'typeorm';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { APP_VERSION } from '../version';

const PROBE_TIMEOUT_MS = 2000;

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ enum: ['disabled', 'connecting', 'up', 'down'], description: 'event publishing to NATS' })
  nats: NatsState;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'events waiting in the outbox (null when the count did not answer in time)',
  })
  outbox_pending: number | null;
  @ApiProperty() version: string;
}

/** Resolves to the probe's value, or undefined when it fails or takes longer than the timeout. */
async function within<T>(probe: Promise<T>, ms = PROBE_TIMEOUT_MS): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([probe.catch(() => undefined), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelayService,
  ) {}

  /**
   * `ok` when the database answers. NATS being down does not degrade the hub (events wait in
   * the outbox), and a slow backlog count never makes a healthy database look down.
   */
  async check(): Promise<HealthView> {
    const db = (await within(this.db.query('SELECT 1'))) ? 'up' : 'down';
    const pending = db === 'up' ? await within(this.relay.pendingCount()) : undefined;
    return {
      status: db === 'up' ? 'ok' : 'degraded',
      db,
      nats: this.relay.natsState,
      outbox_pending: pending ?? null,
      version: APP_VERSION,
    };
  }
}
