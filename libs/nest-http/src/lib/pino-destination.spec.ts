import { redactText, registerSecret, SECRET_MARKER } from '@state-hub/config';
import pino, { type LoggerOptions } from 'pino';
import { pinoHttpFor, prettyMessage, redactRequest } from './pino-destination';

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

  it('leaves json to pino (its own stdout destination), with the redacting hooks added', () => {
    const given = pinoHttpFor('json', options) as Record<string, unknown>;
    expect(given).toMatchObject({
      level: 'info',
      hooks: { streamWrite: redactText },
      serializers: { req: redactRequest },
    });
  });

  it('gives pretty a synchronous pino-pretty stream as the destination', () => {
    const params = pinoHttpFor('pretty', options);
    expect(Array.isArray(params)).toBe(true);
    const [given, stream] = params as [typeof options, { write: unknown }];
    expect(given).toMatchObject(options);
    expect(typeof stream.write).toBe('function');
  });

  it('writes no registered secret and no credential header or query value, whatever logs it', () => {
    registerSecret('log-canary-3e8d1f0a');
    const lines: string[] = [];
    const logger = pino(pinoHttpFor('json', options) as LoggerOptions, { write: (line: string) => lines.push(line) });
    logger.info(
      {
        req: {
          method: 'GET',
          url: '/runs?access_token=abc&limit=5',
          headers: { authorization: 'Bearer anything', 'x-gitlab-token': 'gl', accept: '*/*' },
        },
      },
      'calling https://hooks.example/log-canary-3e8d1f0a',
    );
    const [line] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(line['msg']).toBe(`calling https://hooks.example/${SECRET_MARKER}`);
    expect(line['req']).toEqual({
      method: 'GET',
      url: `/runs?access_token=${SECRET_MARKER}&limit=5`,
      headers: { authorization: SECRET_MARKER, 'x-gitlab-token': SECRET_MARKER, accept: '*/*' },
    });
  });
});
