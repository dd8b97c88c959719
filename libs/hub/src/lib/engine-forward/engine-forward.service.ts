// Forwards a request under /engine/ to the engine of a split deployment
// (ENGINE_URL), so the dashboard and other clients talk to one origin. The hub's
// own guard has already checked the caller; the engine gets ENGINE_API_TOKEN,
// never the caller's Authorization header.
import { Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ServiceUnavailableError } from '@state-hub/nest-http';
import type { AppConfig } from '../config/app-config';

/** The answer of the engine, to be sent on unchanged. */
export interface ForwardedAnswer {
  status: number;
  contentType: string | null;
  body: Buffer;
}

export interface ForwardRequest {
  method: string;
  /** Path and query below /engine, e.g. `/runs?status=failed`. */
  path: string;
  body?: unknown;
  requestId?: string;
}

const FORWARD_TIMEOUT_MS = 30_000;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

@Injectable()
export class EngineForwardService {
  private readonly logger = new Logger('EngineForward');
  private readonly engineUrl?: string;
  private readonly token?: string;

  constructor(config: ConfigService<AppConfig, true>) {
    this.engineUrl = config.get('ENGINE_URL', { infer: true })?.replace(/\/+$/, '');
    this.token = config.get('ENGINE_API_TOKEN', { infer: true });
  }

  async forward(request: ForwardRequest): Promise<ForwardedAnswer> {
    if (!this.engineUrl) {
      throw new ServiceUnavailableError(
        'no engine is configured for this hub: set ENGINE_URL (the engine of the split deployment) to see definitions, runs and dead letters',
      );
    }
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.token) headers['authorization'] = `Bearer ${this.token}`;
    if (request.requestId) headers['x-request-id'] = request.requestId;
    const withBody = BODY_METHODS.has(request.method) && request.body !== undefined;
    if (withBody) headers['content-type'] = 'application/json';
    let answer: Response;
    try {
      answer = await fetch(`${this.engineUrl}${request.path}`, {
        method: request.method,
        headers,
        body: withBody ? JSON.stringify(request.body) : undefined,
        signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS),
        redirect: 'manual',
      });
      const body = Buffer.from(await answer.arrayBuffer());
      return { status: answer.status, contentType: answer.headers.get('content-type'), body };
    } catch (error) {
      const reason = this.reasonOf(error);
      this.logger.warn(`${request.method} /engine${request.path}: the engine at ${this.engineUrl} failed: ${reason}`);
      throw new ServiceUnavailableError(`the engine at ${this.engineUrl} does not answer (${reason})`);
    }
  }

  private reasonOf(error: unknown): string {
    if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${FORWARD_TIMEOUT_MS} ms`;
    const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
    return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  }
}
