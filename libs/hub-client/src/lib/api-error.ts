// The one error of every call to the hub or the engine: what went wrong (kind),
// the HTTP status when something answered, the server's message and the field it
// names, and the request id that finds the call in the server's log.

export type ApiErrorKind =
  | 'unreachable' // nothing answered: refused, DNS, reset
  | 'timeout' // no (complete) answer within the time limit
  | 'rejected' // a 4xx: bad input, unknown id, conflict, token
  | 'failed' // a 5xx
  | 'bad_answer'; // an answer that is not what the API promises (not JSON, empty)

/** What the call was: method and path (with query) relative to the client's base URL. */
export interface ApiRequestFacts {
  method: string;
  path: string;
  baseUrl: string;
}

export interface ApiErrorInit extends ApiRequestFacts {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  serverMessage?: string;
  field?: string;
  requestId?: string;
  reason?: string;
  timeoutMs?: number;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  /** The HTTP status; undefined when nothing answered. */
  readonly status?: number;
  /** The `message` of the server's JSON error body; undefined when it sent none. */
  readonly serverMessage?: string;
  /** The first field the error body names (`field`, else the first of `details`). */
  readonly field?: string;
  /** The `x-request-id` answer header, else the error body's `request_id`. */
  readonly requestId?: string;
  /** unreachable: the system error (ECONNREFUSED, ENOTFOUND, …) or the network error's message. */
  readonly reason?: string;
  /** timeout: the limit that ran out, in milliseconds. */
  readonly timeoutMs?: number;
  readonly method: string;
  readonly path: string;
  readonly baseUrl: string;

  constructor(init: ApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.serverMessage = init.serverMessage;
    this.field = init.field;
    this.requestId = init.requestId;
    this.reason = init.reason;
    this.timeoutMs = init.timeoutMs;
    this.method = init.method;
    this.path = init.path;
    this.baseUrl = init.baseUrl;
  }
}
