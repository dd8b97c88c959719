// Everything main.ts and the e2e tests both need, so tests run the real setup.
import { requestIdMiddleware, validationErrorFactory } from '@state-hub/nest-http';
import { type INestApplication, Logger as NestLogger, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { JsonDepthPipe } from '../common/validation/json-depth.pipe';
import type { AppConfig } from '../config/app-config';
import { APP_VERSION } from '../version';

export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestIdMiddleware);
  app.useBodyParser('json', { limit: config.get('BODY_LIMIT', { infer: true }) });
  app.useGlobalPipes(
    new JsonDepthPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationErrorFactory,
    }),
  );
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('State Hub API')
      .setDescription('Read model of repos, workstreams, tasks, decisions, domain goals and progress events.')
      .setVersion(APP_VERSION)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'STATE_HUB_API_TOKEN (writes only)' })
      .addSecurityRequirements('bearer')
      .build(),
  );
  // Reads are open: only write operations carry the bearer requirement.
  for (const item of Object.values(document.paths)) if (item.get) item.get.security = [];
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });

  if (!config.get('STATE_HUB_API_TOKEN', { infer: true })) {
    new NestLogger('Auth').warn('STATE_HUB_API_TOKEN is not set: write routes accept unauthenticated requests');
  }
  return app;
}
