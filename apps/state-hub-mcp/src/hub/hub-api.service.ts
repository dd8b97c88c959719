// The one way this server talks to the state hub: the generated client
// (@state-hub/hub-client) with the token, a time limit per call and this
// server's user agent; reads retried once after a network failure; every answer
// checked against its schema. It never touches the database.
import { Injectable, Logger } from '@nestjs/common';
import {
  ApiError,
  type ApiResult,
  call,
  type CallOptions,
  createHubClient,
  type HubClient,
  type HubSchemaName,
  type HubSchemas,
} from '@state-hub/hub-client';
import { McpConfig } from '../config/mcp-config';
import { APP_VERSION } from '../version';
import { HubAnswerCheck } from './hub-answer-check';
import { HubError } from './hub-error';

/** A call of the generated client whose answer is the component schema N. */
export type HubRequest<N extends HubSchemaName, R extends ApiResult> = (
  hub: HubClient,
) => Promise<R & { data?: HubSchemas[N] }>;

const RETRY_DELAY_MS = 200;

@Injectable()
export class HubApi {
  private readonly logger = new Logger(HubApi.name);
  private readonly client: HubClient;
  private readonly answers = new HubAnswerCheck();

  constructor(config: McpConfig) {
    this.client = createHubClient({
      baseUrl: config.STATE_HUB_URL,
      token: config.STATE_HUB_API_TOKEN,
      timeoutMs: config.STATE_HUB_TIMEOUT_MS,
      userAgent: `state-hub-mcp/${APP_VERSION}`,
    });
  }

  /** A read, answering the schema `answer`; retried once after a network failure (a reused keep-alive socket can be gone). */
  read<N extends HubSchemaName, R extends ApiResult>(
    answer: N,
    request: HubRequest<N, R>,
    options?: CallOptions,
  ): Promise<NonNullable<R['data']>> {
    return this.send(answer, request, 2, options);
  }

  /** A write, answering the schema `answer`; never retried. */
  write<N extends HubSchemaName, R extends ApiResult>(
    answer: N,
    request: HubRequest<N, R>,
  ): Promise<NonNullable<R['data']>> {
    return this.send(answer, request, 1);
  }

  private async send<R extends ApiResult>(
    answer: HubSchemaName,
    request: (hub: HubClient) => Promise<R>,
    attempts: number,
    options?: CallOptions,
  ): Promise<NonNullable<R['data']>> {
    for (let attempt = 1; ; attempt++) {
      try {
        return this.answers.check(answer, await call(request(this.client), options));
      } catch (err) {
        if (!(err instanceof ApiError)) {
          if (err instanceof HubError) this.logger.warn(err.message);
          throw err;
        }
        const error = HubError.fromApiError(err);
        if (err.kind !== 'unreachable' || attempt >= attempts) {
          this.logger.warn(`${err.method} ${err.path} failed: ${error.message}`);
          throw error;
        }
        this.logger.debug(`${err.method} ${err.path} failed (${error.message}); retrying once`);
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
      }
    }
  }
}
