import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { DefinitionsService } from '../definitions/definitions.service';
import { EventPublisher } from '../nats/event-publisher.service';
import { EngineHealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly publisher: EventPublisher,
    private readonly definitions: DefinitionsService,
  ) {}

  /** 200 when the database and NATS answer, 503 otherwise (the body says which). */
  @Get()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Whether the engine reaches its database and NATS',
    description: 'Answers 503 with the same body when either is down; the definition counts say what runs.',
  })
  @ApiOkResponse({ type: EngineHealthView, description: 'the database and NATS answer' })
  @ApiServiceUnavailableResponse({ type: EngineHealthView, description: 'the database or NATS is down' })
  async health(@Res({ passthrough: true }) res: Response): Promise<EngineHealthView> {
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
