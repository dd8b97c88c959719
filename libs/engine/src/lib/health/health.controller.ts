import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { OpenRoute } from '@state-hub/nest-http';
import { EngineHealth } from './engine-health.service';
import { EngineHealthView } from './health.view';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly engine: EngineHealth) {}

  /** 200 when the database and NATS answer, 503 otherwise (the body says which). */
  @Get()
  @OpenRoute()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Whether the engine reaches its database and its events',
    description:
      'Answers 503 with the same body when the database is down or events cannot reach the engine; the definition counts say what runs.',
  })
  @ApiOkResponse({ type: EngineHealthView, description: 'the database and NATS answer' })
  @ApiServiceUnavailableResponse({ type: EngineHealthView, description: 'the database or NATS is down' })
  async health(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<EngineHealthView> {
    const view = await this.engine.check();
    res.status(view.status === 'ok' ? 200 : 503);
    return view;
  }
}
