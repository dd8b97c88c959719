// The hub's HTTP API as the CLI uses it: JSON in and out, the bearer token when
// there is one, a time limit per call, and every failure as one line.
import { CommandFailure } from '../cli/cli-errors';

export interface HubClient {
  get<T>(path: string, timeoutMs?: number): Promise<T>;
  post<T>(path: string, body: unknown, timeoutMs?: number): Promise<T>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Why a fetch failed, in words: the socket error's code when there is one. */
function networkReason(err: unknown): string {
  if (err instanceof Error && err.name === 'TimeoutError') return 'no answer in time';
  const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

/** The hub answered with an error status; `hubMessage` is the message of its JSON error body. */
export class HubAnswerError extends CommandFailure {
  constructor(
    readonly status: number,
    readonly hubMessage: string,
    method: string,
    path: string,
  ) {
    const hint = status === 401 ? ' (set STATE_HUB_API_TOKEN to the hub’s token)' : '';
    super(`${method} ${path} answered ${status}: ${hubMessage}${hint}`);
  }
}

function errorMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    if (typeof body.message === 'string') return body.message;
  } catch {
    // not JSON (a proxy's error page): keep the start of the text
  }
  return text.trim().slice(0, 300);
}

export function hubClient(baseUrl: string, token?: string): HubClient {
  const call = async <T>(method: string, path: string, body: unknown, timeoutMs: number): Promise<T> => {
    let res: Response;
    let text: string;
    try {
      res = await fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
          ...(token && { authorization: `Bearer ${token}` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new CommandFailure(`cannot reach the hub at ${baseUrl}: ${networkReason(err)}`);
    }
    if (!res.ok) throw new HubAnswerError(res.status, errorMessage(text), method, path);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new CommandFailure(`${method} ${path} answered ${res.status} with a body that is not JSON`);
    }
  };
  return {
    get: (path, timeoutMs = DEFAULT_TIMEOUT_MS) => call('GET', path, undefined, timeoutMs),
    post: (path, body, timeoutMs = DEFAULT_TIMEOUT_MS) => call('POST', path, body, timeoutMs),
  };
}
