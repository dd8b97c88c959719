import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { OpenRoute } from '@state-hub/nest-http';
import { HealthService, HealthView } from './health.service';

@ApiTags('health')
@Controller('state')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @OpenRoute()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Whether the hub and its database are up',
    description:
      'Answers 503 with the same body while the database does not answer. NATS being down does not degrade ' +
      'the hub: events wait in the outbox.',
  })
  @ApiOkResponse({ type: HealthView, description: 'the hub and its database are up' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'the database is down' })
  async check(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<HealthView> {
    const view = await this.health.check();
    if (view.status !== 'ok') res.status(503);
    return view;
  }
}
