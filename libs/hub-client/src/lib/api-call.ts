// Turns an openapi-fetch result into its data, or throws the ApiError that says
// why not: `const repo = await call(hub.GET('/repos/{slug}', { params: { path: { slug } } }))`.
import { ApiError, type ApiRequestFacts } from './api-error';
import { answerFailure, badAnswer } from './api-error-mapping';
import { requestFactsOf } from './timed-fetch';

export interface CallOptions {
  /**
   * Error statuses whose body is the operation's success schema, so they are an answer, not a
   * failure (GET /state/health answers 503 with the same HealthView when degraded).
   */
  answerStatuses?: readonly number[];
}

const UNKNOWN_CALL: ApiRequestFacts = { method: 'request', path: '', baseUrl: '' };

/** What an openapi-fetch call resolves to. */
export interface ApiResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

export async function call<R extends ApiResult>(
  pending: Promise<R>,
  options: CallOptions = {},
): Promise<NonNullable<R['data']>> {
  let result: R;
  try {
    result = await pending;
  } catch (err) {
    // Network failures are ApiErrors already (timedFetch). A SyntaxError is openapi-fetch parsing a
    // success body that is not labelled JSON; anything else is a bug to see, not to hide.
    if (err instanceof SyntaxError) {
      throw new ApiError({ ...UNKNOWN_CALL, kind: 'bad_answer', message: `the answer is not JSON (${err.message})` });
    }
    throw err;
  }
  const { response } = result;
  const facts = requestFactsOf(response) ?? factsFromResponse(response);
  const answered = response.ok || options.answerStatuses?.includes(response.status);
  if (!answered) throw answerFailure(response, result.error, facts);
  const data = response.ok ? result.data : result.error;
  if (data === undefined && response.status !== 204) throw badAnswer(response, facts, 'with no body');
  return data as NonNullable<R['data']>;
}

/** True when `error` is an ApiError (of one of `kinds`, when given). */
export function isApiError(error: unknown, ...kinds: ApiError['kind'][]): error is ApiError {
  return error instanceof ApiError && (kinds.length === 0 || kinds.includes(error.kind));
}

/** For answers that did not come through timedFetch (a caller's own fetch): what the Response knows. */
function factsFromResponse(response: Response): ApiRequestFacts {
  if (!response.url) return UNKNOWN_CALL;
  const url = new URL(response.url);
  return { method: 'request', path: `${url.pathname}${url.search}`, baseUrl: url.origin };
}
