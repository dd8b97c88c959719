import { Controller, Get } from '@nestjs/common';
import { APP_VERSION } from '../version';

/** Liveness of this server only; whether the hub is up is the get_health tool's answer. */
@Controller('healthz')
export class HealthzController {
  @Get()
  check() {
    return { status: 'ok', version: APP_VERSION };
  }
}
