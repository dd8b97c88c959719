import { ApiError } from '@state-hub/hub-client';
import { describeError } from './describe-error';
import { FilterError } from './filters';

const facts = (baseUrl: string) => ({ method: 'GET', path: '/runs', baseUrl });

describe('describeError', () => {
  it('says the hub is down when nothing answers, and how to start it', () => {
    const error = new ApiError({
      ...facts('http://h:3000'),
      kind: 'unreachable',
      reason: 'Failed to fetch',
      message: 'x',
    });
    expect(describeError(error)).toMatchObject({ title: 'The hub does not answer', needsToken: false });
    expect(describeError(error).detail).toContain('npm start');
  });

  it("asks for the token on a 401, with the hub's reason", () => {
    const error = new ApiError({
      ...facts('http://h:3000'),
      kind: 'rejected',
      status: 401,
      message: 'missing bearer token',
      serverMessage: 'missing bearer token',
    });
    expect(describeError(error)).toMatchObject({ title: 'The hub needs its token', needsToken: true });
    expect(describeError(error).detail).toContain('missing bearer token');
  });

  it('names the engine when the engine side is missing or down', () => {
    const error = new ApiError({
      ...facts('http://h:3000/engine'),
      kind: 'failed',
      status: 503,
      message: 'no engine is configured for this hub: set ENGINE_URL',
    });
    expect(describeError(error)).toMatchObject({
      title: 'The engine is not available',
      detail: 'no engine is configured for this hub: set ENGINE_URL',
    });
  });

  it('calls a 400 and a FilterError a bad filter', () => {
    const rejected = new ApiError({
      ...facts('http://h:3000'),
      kind: 'rejected',
      status: 400,
      message: 'status must be…',
    });
    expect(describeError(rejected).title).toBe('This filter is not valid');
    expect(describeError(new FilterError('status must be one of a, b (got "c")'))).toEqual({
      title: 'This filter is not valid',
      detail: 'status must be one of a, b (got "c")',
      needsToken: false,
    });
  });
});
