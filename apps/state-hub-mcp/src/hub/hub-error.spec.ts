import { HubError } from './hub-error';

describe('HubError', () => {
  const base = 'http://127.0.0.1:3000';

  it('names the system error of a failed connection', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    expect(HubError.fromFetchFailure(refused, base, 1000)).toMatchObject({
      kind: 'unreachable',
      message: 'state hub unreachable at http://127.0.0.1:3000 (ECONNREFUSED)',
    });
    expect(HubError.fromFetchFailure(new TypeError('fetch failed'), base, 1000).message).toBe(
      'state hub unreachable at http://127.0.0.1:3000 (fetch failed)',
    );
  });

  it('says how long it waited on a timeout', () => {
    const timeout = new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    expect(HubError.fromFetchFailure(timeout, base, 1500)).toMatchObject({
      kind: 'timeout',
      message: 'state hub at http://127.0.0.1:3000 did not answer within 1500 ms',
    });
  });

  it("keeps the hub's message for a 4xx, and says what to fix for a 401", () => {
    expect(HubError.fromStatus(404, "repo 'x' not found")).toMatchObject({
      kind: 'rejected',
      status: 404,
      message: "repo 'x' not found",
    });
    expect(HubError.fromStatus(401, 'invalid bearer token').message).toBe(
      "invalid bearer token (HTTP 401: set STATE_HUB_API_TOKEN of the MCP server to the hub's token)",
    );
  });

  it('marks a 5xx as the hub failing, and copes without a message', () => {
    expect(HubError.fromStatus(503, 'the database is unavailable; retry shortly')).toMatchObject({
      kind: 'failed',
      message: 'state hub failed (HTTP 503): the database is unavailable; retry shortly',
    });
    expect(HubError.fromStatus(502, undefined).message).toBe('state hub failed (HTTP 502)');
    expect(HubError.fromStatus(418, undefined).message).toBe('the hub refused the request (HTTP 418)');
  });
});
