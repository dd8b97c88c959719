// When STATE_HUB_API_TOKEN is set, every write (non-GET) route needs
// `Authorization: Bearer <token>`; reads stay open. The one exemption: routes
// marked @SignatureAuth() (the git hosts' webhooks), which check a signature instead.
import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { AppConfig } from '../../config/app-config';
import { SIGNATURE_AUTH } from './signature-auth.decorator';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (s: string) => createHash('sha256').update(s).digest();

@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(
    config: ConfigService<AppConfig, true>,
    private readonly reflector: Reflector,
  ) {
    const token = config.get('STATE_HUB_API_TOKEN', { infer: true });
    this.expected = token ? digest(token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (READ_METHODS.has(req.method)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SIGNATURE_AUTH, [context.getHandler(), context.getClass()])) {
      return true;
    }
    const header = req.headers.authorization;
    if (!header)
      throw new UnauthorizedException('missing bearer token: send Authorization: Bearer <STATE_HUB_API_TOKEN>');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException('malformed Authorization header: expected "Bearer <token>"');
    // Compare fixed-length digests so the check takes the same time for any token.
    if (!timingSafeEqual(digest(match[1]), this.expected)) throw new UnauthorizedException('invalid bearer token');
    return true;
  }
}
