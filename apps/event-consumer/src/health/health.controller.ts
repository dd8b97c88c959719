import { Controller, Get, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DefinitionsService } from '../definitions/definitions.service';
import { EventPublisher } from '../nats/event-publisher.service';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly definitions: DefinitionsService,
  ) {}

  /** 200 when the database and NATS answer, 503 otherwise (the body says which). */
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const db = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up' as const)
      .catch(() => 'down' as const);
    const nats = this.publisher.isConnected() ? 'up' : 'down';
    const status = db === 'up' && nats === 'up' ? 'ok' : 'degraded';
    res.status(status === 'ok' ? 200 : 503);
    return { status, nats, db, definitions: this.definitions.counts() };
  }
}
