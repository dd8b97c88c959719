import { defaultNakDelayMs, nakDelayFor, resolveTransportOptions } from './jetstream-transport-options';

const logger = { log: () => undefined, warn: () => undefined, error: () => undefined };
const base = { servers: 'nats://127.0.0.1:4222', stream: 'ACTIVITY_EVENTS', durable: 'activity-engine' };

describe('transport options', () => {
  it('fills the documented defaults', () => {
    const o = resolveTransportOptions(base, logger);
    expect(o).toMatchObject({
      streamSubjects: ['org.>'],
      filterSubject: 'org.>',
      maxDeliver: 5,
      ackWaitMs: 30_000,
      backoffMs: [],
      deadLetterStream: 'ACTIVITY_DEADLETTER',
      deadLetterSubjects: ['deadletter.>'],
      maxInFlight: 32,
      closeTimeoutMs: 10_000,
      logger,
    });
  });

  it('lets every envelope through unless the app gives a validate check', () => {
    const envelope = { id: 'x', type: 'org.a.b.c', version: '9.9', timestamp: 't', publisher: 'p', attributes: {} };
    expect(resolveTransportOptions(base, logger).validate('org.a.b.c', envelope)).toBeUndefined();
    const validate = () => 'no';
    expect(resolveTransportOptions({ ...base, validate }, logger).validate).toBe(validate);
  });

  it('rejects values the server would refuse or that make no sense', () => {
    expect(() => resolveTransportOptions({ ...base, durable: '' }, logger)).toThrow('durable is required');
    expect(() => resolveTransportOptions({ ...base, maxDeliver: 0 }, logger)).toThrow('maxDeliver');
    expect(() => resolveTransportOptions({ ...base, maxInFlight: 1.5 }, logger)).toThrow('maxInFlight');
    expect(() => resolveTransportOptions({ ...base, maxDeliver: 2, backoffMs: [1000, 2000, 3000] }, logger)).toThrow(
      'more than maxDeliver',
    );
  });

  it('naks 1 s, 2 s, 4 s … capped at 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(defaultNakDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
    expect(defaultNakDelayMs(0)).toBe(1000);
  });

  it('never naks without a delay, whatever the custom function says', () => {
    for (const value of [0, -5, Number.NaN, 0.2]) {
      expect(nakDelayFor(resolveTransportOptions({ ...base, nakDelayMs: () => value }, logger), 1)).toBe(1);
    }
    expect(nakDelayFor(resolveTransportOptions({ ...base, nakDelayMs: (n) => n * 100.4 }, logger), 3)).toBe(301);
  });
});
