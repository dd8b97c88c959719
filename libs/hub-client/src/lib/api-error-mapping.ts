// How a failed call becomes an ApiError: a network failure or timeout (nothing
// usable answered), an error status with the server's error body, or an answer
// that breaks the API's promise.
import { ApiError, type ApiRequestFacts } from './api-error';

const MAX_SNIPPET_CHARS = 300;

/** fetch() (or reading the body) threw: nothing listening, DNS, reset, or the time limit. */
export function networkFailure(error: unknown, facts: ApiRequestFacts, timeoutMs: number): ApiError {
  const name = stringProp(error, 'name');
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ApiError({
      ...facts,
      kind: 'timeout',
      timeoutMs,
      message: `${facts.baseUrl} did not answer ${facts.method} ${facts.path} within ${timeoutMs} ms`,
      cause: error,
    });
  }
  const reason = networkReason(error);
  return new ApiError({
    ...facts,
    kind: 'unreachable',
    reason,
    message: `cannot reach ${facts.baseUrl}: ${reason}`,
    cause: error,
  });
}

/** The server answered an error status; `body` is the parsed JSON error body, or its text. */
export function answerFailure(response: Response, body: unknown, facts: ApiRequestFacts): ApiError {
  const status = response.status;
  const serverMessage = bodyMessage(body);
  const snippet = typeof body === 'string' ? body.trim().slice(0, MAX_SNIPPET_CHARS) : '';
  const said = `${facts.method} ${facts.path} answered ${status}`;
  return new ApiError({
    ...facts,
    kind: status >= 500 ? 'failed' : 'rejected',
    status,
    serverMessage,
    message: serverMessage ?? (snippet ? `${said}: ${snippet}` : said),
    field: bodyField(body),
    requestId: response.headers.get('x-request-id') ?? stringProp(body, 'request_id'),
  });
}

/** A success status whose body is not what the API promises. */
export function badAnswer(response: Response, facts: ApiRequestFacts, why: string, cause?: unknown): ApiError {
  return new ApiError({
    ...facts,
    kind: 'bad_answer',
    status: response.status,
    message: `${facts.method} ${facts.path} answered ${response.status} ${why}`,
    requestId: response.headers.get('x-request-id') ?? undefined,
    cause,
  });
}

/** The error body's `message` (a list of messages is joined). */
function bodyMessage(body: unknown): string | undefined {
  const message = isRecord(body) ? body['message'] : undefined;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) return message.join('; ');
  return undefined;
}

function bodyField(body: unknown): string | undefined {
  const field = stringProp(body, 'field');
  if (field !== undefined) return field;
  const details = isRecord(body) ? body['details'] : undefined;
  return Array.isArray(details) ? details.map((d) => stringProp(d, 'field')).find((f) => f !== undefined) : undefined;
}

function networkReason(error: unknown): string {
  // undici puts the system error (ECONNREFUSED, ENOTFOUND, …) in `cause`.
  const cause = isRecord(error) ? error['cause'] : undefined;
  return stringProp(cause, 'code') ?? stringProp(cause, 'message') ?? stringProp(error, 'message') ?? String(error);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A string property of an error-like value (duck-typed: errors may come from another realm). */
function stringProp(value: unknown, key: string): string | undefined {
  const found = isRecord(value) ? value[key] : undefined;
  return typeof found === 'string' ? found : undefined;
}
