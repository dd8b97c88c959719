// POST /webhooks/{github,gitea,gitlab}: pushes from git hosts (docs/webhooks.md).
import { Controller, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { WebhookHost } from '@state-hub/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { WEBHOOK_HOST_SPECS } from './hosts/webhook-hosts';
import { rawBodyOf } from './webhook-body';
import { WebhookRoute } from './webhook-route.decorator';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @WebhookRoute('github', 'Signed with X-Hub-Signature-256; ping events answer 200.')
  github(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    return this.receive('github', req, res);
  }

  @WebhookRoute('gitea', 'Signed with X-Gitea-Signature.')
  gitea(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    return this.receive('gitea', req, res);
  }

  @WebhookRoute('gitlab', 'Authenticated by X-Gitlab-Token (the secret token).')
  gitlab(@Req() req: FastifyRequest, @Res() res: FastifyReply) {
    return this.receive('gitlab', req, res);
  }

  /** Answers itself: 200 for a ping, 202 for the rest (errors go through the one error filter). */
  private async receive(host: WebhookHost, req: FastifyRequest, res: FastifyReply) {
    const spec = WEBHOOK_HOST_SPECS[host];
    const view = await this.webhooks.receive(spec, { headers: req.headers, body: rawBodyOf(req.body) });
    await res.status(view.outcome === 'pong' ? 200 : 202).send(view);
  }
}
