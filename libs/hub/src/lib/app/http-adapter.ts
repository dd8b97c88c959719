// The hub's HTTP server: Nest on Fastify (the framework's own cost per request about half of Nest on Express,
// docs/performance.md), routed as the hub always was: `/repos/` is `/repos`, paths match whatever their case
// (parameters keep theirs), and a long parameter is the route's to refuse. Whatever Fastify answers before any route
// or filter runs gets the hub's error body too.
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from '@state-hub/nest-http';
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

/** Path parameters up to this long reach the routes (whose own checks refuse what is not an id or a slug). */
export const MAX_PARAM_LENGTH = 1000;

/** The router's refusals: a path it cannot decode, a parameter past MAX_PARAM_LENGTH. */
function routerRefusal(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 400;
  const [error, message] =
    status === 414
      ? ['uri_too_long', `a path parameter is longer than ${MAX_PARAM_LENGTH} characters`]
      : err.code === 'FST_ERR_BAD_URL'
        ? ['bad_request', 'the URL is not valid: a %-escape in its path is not UTF-8']
        : ['bad_request', err.message.slice(0, 200)];
  void reply
    .code(status)
    .header('x-request-id', req.id)
    .send({ status_code: status, error, message, request_id: req.id });
}

/** Requests Node cannot read as HTTP (bad framing, headers too large, too slow): the hub's error body, then close. */
function clientError(err: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const [status, error, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'the request headers are too large']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'the request did not arrive in time']
        : [400, 'bad_request', 'the request is not valid HTTP'];
  const body = JSON.stringify({ status_code: status, error, message });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function hubHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // Every request's id (a sane X-Request-Id, else a new UUID) is Fastify's request id: error bodies and log
    // lines of the same request share it; configureApp echoes it.
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: routerRefusal,
    clientErrorHandler: clientError,
    // Node's own defaults, which the hub had on Express (Fastify's: no request timeout, 72 s keep-alive).
    requestTimeout: 300_000,
    keepAliveTimeout: 5_000,
    // While closing, requests on open connections are still answered (Fastify would answer 503 in its own shape).
    return503OnClosing: false,
  });
}
