// The hub's HTTP server: Nest on Fastify (about half the CPU per request of Nest on Express, docs/performance.md),
// routed as the hub always was: `/repos/` is `/repos`, paths match whatever their case (parameters keep theirs),
// and a long parameter is the route's to refuse, not the router's 404.
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { requestIdOf } from '@state-hub/nest-http';
import type { IncomingMessage } from 'node:http';

export function hubHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    // Every request's id (a sane X-Request-Id, else a new UUID) is Fastify's request id: error bodies and log
    // lines of the same request share it; configureApp echoes it.
    genReqId: (req: IncomingMessage) => requestIdOf(req),
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false, maxParamLength: 1000 },
    // What the router refuses before any route or filter runs (a %-escape in the path that is not UTF-8) gets the
    // hub's error body, like every other 4xx.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
      const status = err.statusCode && err.statusCode < 500 ? err.statusCode : 400;
      void reply
        .code(status)
        .header('x-request-id', req.id)
        .send({
          status_code: status,
          error: 'bad_request',
          message:
            err.code === 'FST_ERR_BAD_URL' ? 'the URL is not valid: a %-escape in its path is not UTF-8' : err.message,
          request_id: req.id,
        });
    },
  });
}
