// /engine/* on the hub of a split deployment: a route like any other, so the
// hub's BearerTokenGuard (APP_GUARD) decides who may call it; the service
// forwards it to ENGINE_URL. Kept out of the hub's OpenAPI document: the
// engine's own document describes these paths.
import { All, Controller, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hasBody } from '../common/validation/json-content-type.guard';
import { EngineForwardService } from './engine-forward.service';

export const ENGINE_PREFIX = '/engine';

@ApiExcludeController()
@Controller('engine')
export class EngineForwardController {
  constructor(private readonly forwarder: EngineForwardService) {}

  @All(['', '*'])
  async forward(@Req() req: FastifyRequest, @Res() res: FastifyReply): Promise<void> {
    const path = req.originalUrl.slice(ENGINE_PREFIX.length) || '/';
    const answer = await this.forwarder.forward({
      method: req.method,
      path,
      body: hasBody(req) ? req.body : undefined,
      requestId: req.id,
    });
    if (answer.contentType) res.header('content-type', answer.contentType);
    await res.status(answer.status).send(answer.body);
  }
}
