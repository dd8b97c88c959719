// The one token model of the hub and the engine: with a token set, every write
// (non-GET) route needs `Authorization: Bearer <token>`, and with
// API_READS_REQUIRE_TOKEN every read too; open routes (health) and routes with a
// signature of their own (webhooks) are exempt. Registered as APP_GUARD, it
// guards every HTTP route of the process, the engine's /engine/ ones included
// when they run inside the hub (and lets the engine's event handlers be).
import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  type Provider,
  UnauthorizedException,
} from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { OPEN_ROUTE, SIGNATURE_AUTH } from './route-access.decorators';

/** Injection token: the TokenAuthSettings of the process. */
export const TOKEN_AUTH = Symbol('TOKEN_AUTH');

export interface TokenAuthSettings {
  /** Unset: no route needs a token. */
  token?: string;
  /** The variable that holds it, named in every 401 message. */
  tokenName: string;
  /** API_READS_REQUIRE_TOKEN: reads (GET, HEAD) need the token too. */
  readsRequireToken: boolean;
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const digest = (s: string) => createHash('sha256').update(s).digest();

@Injectable()
export class BearerTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(
    @Inject(TOKEN_AUTH) private readonly settings: TokenAuthSettings,
    private readonly reflector: Reflector,
  ) {
    this.expected = settings.token ? digest(settings.token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    // Only HTTP requests: the engine's event handlers (microservice contexts) are not routes.
    if (!this.expected || context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    if (req.method === 'OPTIONS') return true;
    if (READ_METHODS.has(req.method) && !this.settings.readsRequireToken) return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(OPEN_ROUTE, targets)) return true;
    if (this.reflector.getAllAndOverride<boolean>(SIGNATURE_AUTH, targets)) return true;
    const name = this.settings.tokenName;
    const header = req.headers.authorization;
    if (!header) throw new UnauthorizedException(`missing bearer token: send Authorization: Bearer <${name}>`);
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw new UnauthorizedException(`malformed Authorization header: expected "Bearer <${name}>"`);
    // Compare fixed-length digests so the check takes the same time for any token.
    if (!timingSafeEqual(digest(match[1]), this.expected)) throw new UnauthorizedException('invalid bearer token');
    return true;
  }
}

/**
 * The providers that put every HTTP route of an app behind the token in the setting `tokenName`, with reads too
 * when API_READS_REQUIRE_TOKEN is true (both read from the app's validated ConfigService).
 */
export function bearerTokenAuth(tokenName: string): Provider[] {
  return [
    {
      provide: TOKEN_AUTH,
      inject: [ConfigService],
      useFactory: (config: ConfigService): TokenAuthSettings => ({
        token: config.get<string>(tokenName) || undefined,
        tokenName,
        readsRequireToken: config.get<boolean>('API_READS_REQUIRE_TOKEN') === true,
      }),
    },
    { provide: APP_GUARD, useClass: BearerTokenGuard },
  ];
}
