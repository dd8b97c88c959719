// The one way this server talks to the state hub: its HTTP API, with a timeout
// per request, the bearer token on writes, and every answer checked against
// its schema. It never touches the database.
import { Injectable, Logger } from '@nestjs/common';
import { parseWithSchema } from '@state-hub/envelope';
import type { z } from 'zod';
import { McpConfig } from '../config/mcp-config';
import { APP_VERSION } from '../version';
import { HubError } from './hub-error';
import { HubErrorBodySchema } from './hub-views';

export type QueryValue = string | number | undefined;

interface HubRequest<T> {
  method: 'GET' | 'POST';
  path: string;
  schema: z.ZodType<T>;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Error statuses whose body is still a valid answer (GET /state/health says 503 when degraded). */
  answerStatuses?: number[];
}

const RETRY_DELAY_MS = 200;

@Injectable()
export class HubClient {
  private readonly logger = new Logger(HubClient.name);
  private readonly baseUrl: string;
  private readonly token?: string;
  private readonly timeoutMs: number;

  constructor(config: McpConfig) {
    this.baseUrl = config.STATE_HUB_URL;
    this.token = config.STATE_HUB_API_TOKEN;
    this.timeoutMs = config.STATE_HUB_TIMEOUT_MS;
  }

  get<T>(
    path: string,
    schema: z.ZodType<T>,
    query?: Record<string, QueryValue>,
    answerStatuses?: number[],
  ): Promise<T> {
    return this.request({ method: 'GET', path, schema, query, answerStatuses });
  }

  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<T> {
    return this.request({ method: 'POST', path, schema, body });
  }

  private async request<T>(req: HubRequest<T>): Promise<T> {
    const url = this.url(req.path, req.query);
    const { status, text } = await this.send(req, url);
    const json = parseJson(text);
    if (status >= 400 && !req.answerStatuses?.includes(status)) {
      const body = HubErrorBodySchema.safeParse(json);
      throw HubError.fromStatus(status, body.success ? body.data.message : undefined);
    }
    const parsed = parseWithSchema(req.schema, json, 'answer');
    if (!parsed.ok) {
      this.logger.warn(`${req.method} ${url} answered an unexpected shape: ${parsed.errors.join('; ')}`);
      throw new HubError(
        'bad_answer',
        `the hub's answer to ${req.method} ${req.path} has an unexpected shape: ${parsed.errors[0]}`,
      );
    }
    return parsed.data;
  }

  /** Reads are retried once after a network failure (a reused keep-alive socket can be gone); writes never are. */
  private async send(req: HubRequest<unknown>, url: string): Promise<{ status: number; text: string }> {
    const attempts = req.method === 'GET' ? 2 : 1;
    for (let attempt = 1; ; attempt++) {
      try {
        const res = await fetch(url, {
          method: req.method,
          headers: this.headers(req),
          body: req.body === undefined ? undefined : JSON.stringify(req.body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        return { status: res.status, text: await res.text() };
      } catch (err) {
        const error = HubError.fromFetchFailure(err, this.baseUrl, this.timeoutMs);
        if (error.kind === 'timeout' || attempt >= attempts) {
          this.logger.warn(`${req.method} ${url} failed: ${error.message}`);
          throw error;
        }
        this.logger.debug(`${req.method} ${url} failed (${error.message}); retrying once`);
        await new Promise((r) => setTimeout(r, RETRY_DELAY_MS));
      }
    }
  }

  private headers(req: HubRequest<unknown>): Record<string, string> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      'user-agent': `state-hub-mcp/${APP_VERSION}`,
    };
    if (req.body !== undefined) headers['content-type'] = 'application/json';
    if (req.method !== 'GET' && this.token) headers['authorization'] = `Bearer ${this.token}`;
    return headers;
  }

  private url(path: string, query: Record<string, QueryValue> = {}): string {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined) params.set(key, String(value));
    const search = params.size > 0 ? `?${params.toString()}` : '';
    return `${this.baseUrl}${path}${search}`;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: the status or schema check reports it
  }
}
