import { ApiError, type ApiErrorInit } from '@state-hub/hub-client';
import { HubError } from './hub-error';

const base = 'http://127.0.0.1:3000';
const apiError = (init: Partial<ApiErrorInit> & Pick<ApiErrorInit, 'kind'>) =>
  new ApiError({ message: 'x', method: 'GET', path: '/repos', baseUrl: base, ...init });

describe('HubError.fromApiError', () => {
  it('names the system error of a failed connection', () => {
    expect(HubError.fromApiError(apiError({ kind: 'unreachable', reason: 'ECONNREFUSED' }))).toMatchObject({
      kind: 'unreachable',
      message: 'state hub unreachable at http://127.0.0.1:3000 (ECONNREFUSED)',
    });
  });

  it('says how long it waited on a timeout', () => {
    expect(HubError.fromApiError(apiError({ kind: 'timeout', timeoutMs: 1500 }))).toMatchObject({
      kind: 'timeout',
      message: 'state hub at http://127.0.0.1:3000 did not answer within 1500 ms',
    });
  });

  it("keeps the hub's message for a 4xx, and says what to fix for a 401", () => {
    const notFound = apiError({ kind: 'rejected', status: 404, serverMessage: "repo 'x' not found" });
    expect(HubError.fromApiError(notFound)).toMatchObject({
      kind: 'rejected',
      status: 404,
      message: "repo 'x' not found",
    });
    const unauthorized = apiError({ kind: 'rejected', status: 401, serverMessage: 'invalid bearer token' });
    expect(HubError.fromApiError(unauthorized).message).toBe(
      "invalid bearer token (HTTP 401: set STATE_HUB_API_TOKEN of the MCP server to the hub's token)",
    );
  });

  it('marks a 5xx as the hub failing, and copes without a message', () => {
    const down = apiError({ kind: 'failed', status: 503, serverMessage: 'the database is unavailable; retry shortly' });
    expect(HubError.fromApiError(down)).toMatchObject({
      kind: 'failed',
      message: 'state hub failed (HTTP 503): the database is unavailable; retry shortly',
    });
    expect(HubError.fromApiError(apiError({ kind: 'failed', status: 502 })).message).toBe(
      'state hub failed (HTTP 502)',
    );
    expect(HubError.fromApiError(apiError({ kind: 'rejected', status: 418 })).message).toBe(
      'the hub refused the request (HTTP 418)',
    );
  });

  it('says why an answer is not usable', () => {
    const garbled = apiError({ kind: 'bad_answer', status: 200, message: 'GET /repos answered 200 with no body' });
    expect(HubError.fromApiError(garbled)).toMatchObject({
      kind: 'bad_answer',
      message: "the hub's answer is not usable: GET /repos answered 200 with no body",
    });
  });
});
