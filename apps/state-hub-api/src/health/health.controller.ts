import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { HealthService, HealthView } from './health.service';

@ApiTags('health')
@Controller('state')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @ApiOkResponse({ type: HealthView, description: 'the hub and its database are up' })
  @ApiServiceUnavailableResponse({ type: HealthView, description: 'the database is down' })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthView> {
    const view = await this.health.check();
    if (view.status !== 'ok') res.status(503);
    return view;
  }
}
