import { pinoHttpFor, prettyMessage } from './pino-destination';

describe('prettyMessage', () => {
  it('puts the context before the message', () => {
    expect(prettyMessage({ context: 'Bootstrap', msg: 'listening on http://127.0.0.1:3000' }, 'msg')).toBe(
      '[Bootstrap] listening on http://127.0.0.1:3000',
    );
    expect(prettyMessage({ msg: 'no context' }, 'msg')).toBe('no context');
  });

  it('sums up a request line: method, url, status and duration', () => {
    const log = {
      msg: 'request completed',
      req: { id: 'r1', method: 'POST', url: '/domains', headers: {} },
      res: { statusCode: 400, headers: {} },
      responseTime: 3,
    };
    expect(prettyMessage(log, 'msg')).toBe('request completed POST /domains 400 3 ms');
  });
});

describe('pinoHttpFor', () => {
  const options = { level: 'info' };

  it('leaves json to pino (its own stdout destination)', () => {
    expect(pinoHttpFor('json', options)).toBe(options);
  });

  it('gives pretty a synchronous pino-pretty stream as the destination', () => {
    const params = pinoHttpFor('pretty', options);
    expect(Array.isArray(params)).toBe(true);
    const [given, stream] = params as [typeof options, { write: unknown }];
    expect(given).toBe(options);
    expect(typeof stream.write).toBe('function');
  });
});
