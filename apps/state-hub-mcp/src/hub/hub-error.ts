// Why a call to the hub failed, as one line an agent can act on: the generated
// client's ApiError in this server's words, plus the lookups' own failures.
import type { ApiError } from '@state-hub/hub-client';

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

  /** A failed call of the generated hub client, in this server's words. */
  static fromApiError(error: ApiError): HubError {
    switch (error.kind) {
      case 'unreachable':
        return new HubError('unreachable', `state hub unreachable at ${error.baseUrl} (${error.reason})`);
      case 'timeout':
        return new HubError('timeout', `state hub at ${error.baseUrl} did not answer within ${error.timeoutMs} ms`);
      case 'bad_answer':
        return new HubError('bad_answer', `the hub's answer is not usable: ${error.message}`, error.status);
      default:
        return HubError.fromStatus(error.status ?? 0, error.serverMessage);
    }
  }

  /** The hub answered with an error status; `hubMessage` is its JSON `message` when it sent one. */
  private static fromStatus(status: number, hubMessage: string | undefined): HubError {
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
