import { registerSecret, SECRET_MARKER } from '@state-hub/config';
import { describeFailure } from './handler-failure';
import { PoisonMessageError } from './poison-message-error';
import { TransientError } from './transient-error';

describe('describeFailure', () => {
  it('never puts a registered secret into the reason a dead letter and a log line keep', () => {
    registerSecret('dead-letter-canary-91c2');
    const failure = describeFailure(new Error('POST https://hooks.example/x?key=dead-letter-canary-91c2 answered 500'));
    expect(failure.reason).toBe(`Error: POST https://hooks.example/x?key=${SECRET_MARKER} answered 500`);
  });

  it('marks only PoisonMessageError as poison', () => {
    expect(describeFailure(new PoisonMessageError('bad attributes'))).toEqual({
      poison: true,
      reason: 'PoisonMessageError: bad attributes',
    });
    expect(describeFailure(new TransientError('db down'))).toEqual({
      poison: false,
      reason: 'TransientError: db down',
    });
    expect(describeFailure(new TypeError('x is undefined')).poison).toBe(false);
  });

  it('explains the generic object Nest substitutes for unknown errors', () => {
    const { poison, reason } = describeFailure({ status: 'error', message: 'Internal server error' });
    expect(poison).toBe(false);
    expect(reason).toMatch(/^Internal server error \(the handler's own error is in Nest's RpcExceptionsHandler log/);
  });

  it('copes with odd rejection values and bounds the reason', () => {
    expect(describeFailure('plain string').reason).toBe('plain string');
    expect(describeFailure(undefined).reason).toBe('non-error value undefined');
    expect(describeFailure(new Error('x'.repeat(5000))).reason.length).toBeLessThanOrEqual(2001);
  });

  it('keeps the cause and stays an Error for callers that check', () => {
    const cause = new Error('ECONNREFUSED');
    const error = new TransientError('db down', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.cause).toBe(cause);
    expect(error.message).toBe('db down');
  });
});
