import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_VERSION } from '../version';

const DB_PROBE_TIMEOUT_MS = 2000;

export class HealthView {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db: 'up' | 'down';
  @ApiProperty({ enum: ['disabled', 'up', 'down'], description: 'event publishing to NATS' })
  nats: 'disabled' | 'up' | 'down';
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'events waiting in the outbox; null until lifecycle events are enabled in this build',
  })
  outbox_pending: number | null;
  @ApiProperty() version: string;
}

@Injectable()
export class HealthService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async check(): Promise<HealthView> {
    const db = (await this.probeDatabase()) ? 'up' : 'down';
    return {
      status: db === 'up' ? 'ok' : 'degraded',
      db,
      nats: 'disabled',
      outbox_pending: null,
      version: APP_VERSION,
    };
  }

  private async probeDatabase(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), DB_PROBE_TIMEOUT_MS);
    });
    const probe = this.db.query('SELECT 1').then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([probe, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
