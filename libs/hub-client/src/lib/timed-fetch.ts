// The fetch the generated clients use: one time limit per call (the client's,
// or `timeoutMs` passed with the call) covering the whole answer, body
// included; network failures as ApiError; and each answer remembers its call,
// so `call()` can name method and path in the error.
import type { ApiRequestFacts } from './api-error';
import { badAnswer, networkFailure } from './api-error-mapping';

/** Statuses whose answers have no body (the Response constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

const callOf = new WeakMap<Response, ApiRequestFacts>();

/** The call that got this answer (for answers fetched through `timedFetch`). */
export function requestFactsOf(response: Response): ApiRequestFacts | undefined {
  return callOf.get(response);
}

/** openapi-fetch copies unknown call options onto the Request: `timeoutMs` arrives this way. */
type TimedRequest = Request & { timeoutMs?: unknown };

export function timedFetch(baseUrl: string, timeoutMs: number): (request: Request) => Promise<Response> {
  return async (request: TimedRequest) => {
    const facts: ApiRequestFacts = { method: request.method, path: relativePath(request.url, baseUrl), baseUrl };
    const limit = typeof request.timeoutMs === 'number' && request.timeoutMs > 0 ? request.timeoutMs : timeoutMs;
    let answer: Response;
    let body: ArrayBuffer;
    try {
      answer = await fetch(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(limit)]) });
      body = await answer.arrayBuffer();
    } catch (err) {
      throw networkFailure(err, facts, limit);
    }
    const copy = new Response(NULL_BODY_STATUSES.has(answer.status) ? null : body, {
      status: answer.status,
      statusText: answer.statusText,
      headers: answer.headers,
    });
    if (answer.ok) checkJson(copy, body, facts);
    callOf.set(copy, facts);
    return copy;
  };
}

/** A success answer labelled JSON must parse (openapi-fetch would throw a bare SyntaxError). */
function checkJson(response: Response, body: ArrayBuffer, facts: ApiRequestFacts): void {
  if (body.byteLength === 0 || !/\bjson\b/i.test(response.headers.get('content-type') ?? '')) return;
  try {
    JSON.parse(new TextDecoder().decode(body));
  } catch (err) {
    throw badAnswer(response, facts, 'with a body that is not JSON', err);
  }
}

function relativePath(url: string, baseUrl: string): string {
  if (url.startsWith(baseUrl)) return url.slice(baseUrl.length) || '/';
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}
