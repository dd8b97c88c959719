// Authenticates a git host's delivery by its signature over the raw body, before
// anything parses it: 403 while WEBHOOK_SECRET is unset, 401 for a missing or
// wrong signature. Nothing is read or recorded before this passes.
import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import type { WebhookHost } from '@state-hub/db';
import type { FastifyRequest } from 'fastify';
import type { AppConfig } from '../config/app-config';
import { WEBHOOK_HOST_SPECS } from './hosts/webhook-hosts';
import { rawBodyOf } from './webhook-body';

export const WEBHOOK_HOST = 'state-hub:webhook-host';

@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  private readonly secret?: string;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly reflector: Reflector,
  ) {
    this.secret = config.get('WEBHOOK_SECRET', { infer: true }) || undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    const host = this.reflector.get<WebhookHost | undefined>(WEBHOOK_HOST, context.getHandler());
    if (!host) throw new Error('WebhookSignatureGuard on a route without @WebhookRoute(host)');
    const spec = WEBHOOK_HOST_SPECS[host];
    if (!this.secret) {
      throw new ForbiddenException(
        `${spec.label} webhooks are disabled: set WEBHOOK_SECRET on the hub and the same secret in the webhook`,
      );
    }
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const signature = req.headers[spec.signatureHeader.toLowerCase()];
    if (typeof signature !== 'string' || signature === '') {
      throw new UnauthorizedException(`missing ${spec.signatureHeader} header: set the webhook's secret`);
    }
    if (!spec.signatureMatches(this.secret, rawBodyOf(req.body), signature)) {
      throw new UnauthorizedException(
        `${spec.signatureHeader} does not match: the webhook's secret is not WEBHOOK_SECRET`,
      );
    }
    return true;
  }
}
