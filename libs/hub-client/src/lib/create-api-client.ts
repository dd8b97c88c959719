// An openapi-fetch client for one of our APIs: base URL, the bearer token on
// every request when there is one, a user agent, and a time limit per call.
import createClient, { type Client } from 'openapi-fetch';
import { timedFetch } from './timed-fetch';

export interface ApiClientOptions {
  /** e.g. http://127.0.0.1:3000 (a trailing slash is ignored). */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>` on every request. */
  token?: string;
  /** Limit per call, body included (default 30 s); one call may pass its own `timeoutMs`. */
  timeoutMs?: number;
  /** Sent as `User-Agent`, e.g. `state-hub-mcp/0.1.0`. */
  userAgent?: string;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own constraint on paths
export function createApiClient<Paths extends {}>(options: ApiClientOptions): Client<Paths> {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers['authorization'] = `Bearer ${options.token}`;
  if (options.userAgent) headers['user-agent'] = options.userAgent;
  return createClient<Paths>({
    baseUrl,
    headers,
    fetch: timedFetch(baseUrl, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
  });
}
