import { type ArgumentsHost, HttpException, Logger } from '@nestjs/common';
import type { HttpAdapterHost } from '@nestjs/core';
import { HttpErrorFilter } from './http-error.filter';

/** The filter over a fake HTTP adapter: what it answers, and what it logs. */
function filterFor() {
  const replies: { body: unknown; status: number }[] = [];
  const adapterHost = {
    httpAdapter: {
      isHeadersSent: () => false,
      reply: (_res: unknown, body: unknown, status: number) => replies.push({ body, status }),
    },
  } as unknown as HttpAdapterHost;
  const errors = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  const send = (exception: unknown, headers: Record<string, string> = {}) => {
    const req = { method: 'POST', url: '/domains', id: 'req-1', headers };
    const host = {
      getType: () => 'http',
      switchToHttp: () => ({ getRequest: () => req, getResponse: () => ({}) }),
    } as unknown as ArgumentsHost;
    new HttpErrorFilter(adapterHost).catch(exception, host);
    return replies.at(-1);
  };
  return { send, errors };
}

afterEach(() => jest.restoreAllMocks());

describe('HttpErrorFilter', () => {
  it('answers a request the client cut off mid-body as its 400, not as a database outage, and logs nothing', () => {
    const { send, errors } = filterFor();
    const aborted = Object.assign(new Error('aborted'), { code: 'ECONNRESET', statusCode: 400 });
    expect(send(aborted)).toEqual({
      status: 400,
      body: { status_code: 400, error: 'bad_request', message: 'the request could not be read', request_id: 'req-1' },
    });
    expect(errors).not.toHaveBeenCalled();
  });

  it("answers Fastify's refusal of a malformed content type in the words of the hub's own 415", () => {
    const { send } = filterFor();
    const refusal = Object.assign(new Error('Unsupported Media Type'), {
      name: 'FastifyError',
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      statusCode: 415,
    });
    expect(
      send(new HttpException('Unsupported Media Type', 415, { cause: refusal }), { 'content-type': 'json' }),
    ).toEqual({
      status: 415,
      body: {
        status_code: 415,
        error: 'unsupported_media_type',
        message: 'content-type must be application/json, not "json"',
        request_id: 'req-1',
      },
    });
  });

  it('still answers a lost database as 503 and logs it', () => {
    const { send, errors } = filterFor();
    const lost = Object.assign(new Error('Connection terminated'), { code: 'ECONNRESET' });
    expect(send(lost)?.status).toBe(503);
    expect(errors).toHaveBeenCalledTimes(1);
  });
});
