import { Inject, Injectable, Optional } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HEALTH_PARTS, type HealthPart, type HealthPartReport } from '@state-hub/nest-http';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NatsState } from '@state-hub/outbox';
import { DataSource } from 'typeorm';
import { type EventDeliveryMode, OutboxRelayService } from '../outbox/outbox-relay.service';
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
  @ApiProperty({
    enum: ['jetstream', 'outbox', 'none'],
    description:
      'where committed events go: JetStream, the engine in this process (no NATS), or nowhere yet (they wait in the outbox)',
  })
  delivery: EventDeliveryMode;
  @ApiProperty() version: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description:
      'the activity engine, when it runs in this process: status (up/down), db, nats, delivery and its definitions (loaded, invalid, disabled); down makes the hub degraded',
  })
  engine?: HealthPartReport;
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
    @Optional() @Inject(HEALTH_PARTS) private readonly parts: HealthPart[] = [],
  ) {}

  /**
   * `ok` when the database answers and every part this process runs besides the hub (the engine)
   * is up. NATS being down does not degrade the hub (events wait in the outbox), and a slow
   * backlog count never makes a healthy database look down.
   */
  async check(): Promise<HealthView> {
    const db = (await within(this.db.query('SELECT 1'))) ? 'up' : 'down';
    const pending = db === 'up' ? await within(this.relay.pendingCount()) : undefined;
    const parts = await Promise.all(
      this.parts.map(async (part) => {
        const report = (await within(part.report())) ?? { status: 'down' as const, error: 'no answer in time' };
        return [part.name, report] as const;
      }),
    );
    const partsUp = parts.every(([, report]) => report.status === 'up');
    return {
      status: db === 'up' && partsUp ? 'ok' : 'degraded',
      db,
      nats: this.relay.natsState,
      outbox_pending: pending ?? null,
      delivery: this.relay.deliveryMode,
      version: APP_VERSION,
      ...Object.fromEntries(parts),
    };
  }
}
