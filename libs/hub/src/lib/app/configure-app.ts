// Everything main.ts and the e2e tests both need, so tests run the real setup.
import { requestIdMiddleware, validationErrorFactory } from '@state-hub/nest-http';
import { type INestApplication, Logger as NestLogger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { replyWithDirectJson } from '../common/http/direct-json-reply';
import { HubValidationPipe } from '../common/validation/hub-validation.pipe';
import type { AppConfig } from '../config/app-config';
import { serveDashboard } from '../dashboard/serve-dashboard';
import { buildOpenApiDocument } from '../openapi/build-openapi-document';
import { isWebhookRequest } from '../webhooks/webhook-request';

export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // No ETag on API answers: hashing every body cost about 2 % of a read's CPU, and no client sends If-None-Match
  // (the dashboard's files are served with their own validators).
  app.set('etag', false);
  replyWithDirectJson(app);
  app.use(requestIdMiddleware);
  const limit = config.get('BODY_LIMIT', { infer: true });
  // Git hosts' webhooks keep their body as raw bytes (any content type): the signature is checked on exactly
  // what was sent, before anything is parsed. Registered first, so the JSON parser finds those bodies read.
  app.useBodyParser('raw', { limit, type: isWebhookRequest });
  app.useBodyParser('json', { limit });
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
