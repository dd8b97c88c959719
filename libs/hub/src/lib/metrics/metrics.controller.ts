import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { OutboxRelayService } from '../outbox/outbox-relay.service';
import { MetricsService } from './metrics.service';

@ApiTags('health')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly relay: OutboxRelayService,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics of this process',
    description: 'Process and outbox relay metrics; still served while the database is down.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  async scrape(): Promise<string> {
    // Process and relay metrics stay available while the database is down; the gauge keeps its last value.
    const pending = await this.relay.pendingCount().catch(() => undefined);
    if (pending !== undefined) this.metrics.outboxPending.set(pending);
    return this.metrics.registry.metrics();
  }
}
