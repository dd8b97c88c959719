// Why a call to the hub failed, as one line an agent can act on.

export type HubErrorKind =
  | 'unreachable' // nothing answered
  | 'timeout'
  | 'rejected' // a 4xx: bad input, unknown id, conflict, token
  | 'failed' // a 5xx
  | 'bad_answer' // an answer of the wrong shape
  | 'not_found' // a lookup over a list found nothing
  | 'ambiguous'; // … or more than one

export class HubError extends Error {
  override readonly name = 'HubError';
  constructor(
    readonly kind: HubErrorKind,
    message: string,
    /** The hub's HTTP status, when it answered. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** fetch() threw: nothing listening, DNS, reset, or our timeout. */
  static fromFetchFailure(error: unknown, baseUrl: string, timeoutMs: number): HubError {
    const name = field(error, 'name');
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new HubError('timeout', `state hub at ${baseUrl} did not answer within ${timeoutMs} ms`);
    }
    return new HubError('unreachable', `state hub unreachable at ${baseUrl} (${networkReason(error)})`);
  }

  /** The hub answered with an error status; `hubMessage` is its JSON `message` when it sent one. */
  static fromStatus(status: number, hubMessage: string | undefined): HubError {
    if (status >= 500) {
      const detail = hubMessage ? `: ${hubMessage}` : '';
      return new HubError('failed', `state hub failed (HTTP ${status})${detail}`, status);
    }
    const message = hubMessage ?? `the hub refused the request (HTTP ${status})`;
    if (status === 401) {
      const hint = "HTTP 401: set STATE_HUB_API_TOKEN of the MCP server to the hub's token";
      return new HubError('rejected', `${message} (${hint})`, status);
    }
    return new HubError('rejected', message, status);
  }
}

function networkReason(error: unknown): string {
  // undici puts the system error (ECONNREFUSED, ENOTFOUND, …) in `cause`.
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  return field(cause, 'code') ?? field(cause, 'message') ?? field(error, 'message') ?? String(error);
}

/** A string property of an error-like value (duck-typed: errors may come from another realm). */
function field(value: unknown, key: 'name' | 'code' | 'message'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' ? found : undefined;
}
