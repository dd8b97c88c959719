// Everything main.ts and the e2e tests both need, so tests run the real setup.
import { validationErrorFactory } from '@state-hub/nest-http';
import { type INestApplication, Logger as NestLogger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { bodyLimitBytes, readBody } from '../common/http/json-body';
import { HubValidationPipe } from '../common/validation/hub-validation.pipe';
import { hasBody } from '../common/validation/json-content-type.guard';
import type { AppConfig } from '../config/app-config';
import { serveDashboard } from '../dashboard/serve-dashboard';
import { buildOpenApiDocument } from '../openapi/build-openapi-document';
import { isWebhookRequest } from '../webhooks/webhook-request';

/** `type/subtype` with optional parameters: what Fastify reads as a content type. */
const MEDIA_TYPE = /^[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*(?:;.*)?$/;

/** Sets up an app made on `hubHttpAdapter()` with `bodyParser: false` (the hub reads bodies itself). */
export function configureApp(app: NestFastifyApplication): INestApplication {
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  const http = app.getHttpAdapter().getInstance();
  http.addHook('onRequest', (req, reply, done) => {
    reply.header('x-request-id', req.id);
    // A malformed content type on a request without a body means nothing (Fastify would refuse it with 415).
    const type = req.headers['content-type'];
    if (type !== undefined && !hasBody(req) && !MEDIA_TYPE.test(type)) delete req.headers['content-type'];
    done();
  });
  // One parser for every content type (json-body.ts): webhooks keep raw bytes, JSON is parsed, the rest is left
  // to the routes (415 where one reads a body). Fastify's own parsers would refuse unknown types before any route.
  const limit = bodyLimitBytes(config.get('BODY_LIMIT', { infer: true }));
  const parseBody: Parameters<typeof http.addContentTypeParser>[2] = (req, body, done) => {
    try {
      done(null, readBody(body as Buffer, req.headers, limit, isWebhookRequest(req.raw)));
    } catch (err) {
      done(err as Error, undefined);
    }
  };
  http.removeAllContentTypeParsers();
  // The same parser under JSON's own name as well: Fastify remembers the parser it finds for a content type, but
  // never the catch-all, which made it parse the Content-Type of every JSON request once more (about 12 µs).
  http.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: limit }, parseBody);
  http.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: limit }, parseBody);
  app.useGlobalPipes(
    new HubValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationErrorFactory,
    }),
  );
  app.enableShutdownHooks();

  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  serveDashboard(app, config.get('DASHBOARD_DIR', { infer: true }));

  if (!config.get('STATE_HUB_API_TOKEN', { infer: true })) {
    new NestLogger('Auth').warn('STATE_HUB_API_TOKEN is not set: write routes accept unauthenticated requests');
  }
  return app;
}
