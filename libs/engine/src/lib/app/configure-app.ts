// Everything main.ts and the e2e tests both need, so tests run the real setup:
// HTTP pipes and the JetStream microservice that feeds the event handler.
import { requestIdMiddleware, validationErrorFactory } from '@state-hub/nest-http';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { JetStreamServer, type OutboxServer } from '@state-hub/jetstream-transport';
import { OUTBOX_DELIVERY } from '@state-hub/outbox';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '../config/app-config';
import { checkConsumedEvent } from '../events/catalog-event-check';
import { TransportRegistry } from '../nats/transport-registry';
import { buildOpenApiDocument } from '../openapi/build-openapi-document';

export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(requestIdMiddleware);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      stopAtFirstError: false,
      exceptionFactory: validationErrorFactory,
    }),
  );
  app.enableShutdownHooks();
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  if (!app.get<ConfigService<AppConfig, true>>(ConfigService).get('ENGINE_API_TOKEN', { infer: true })) {
    app
      .get(Logger)
      .warn('ENGINE_API_TOKEN is not set: manual runs, replays and redrives accept unauthenticated requests', 'Auth');
  }
  return app;
}

/** Connects the durable JetStream consumer; call before `startAllMicroservices()`. */
export function connectEventConsumer(app: INestApplication): JetStreamServer {
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const stream = config.get('NATS_STREAM', { infer: true });
  const durable = config.get('ENGINE_DURABLE', { infer: true });
  const server = new JetStreamServer({
    servers: config.get('NATS_URL', { infer: true }),
    stream,
    durable,
    replicas: config.get('NATS_STREAM_REPLICAS', { infer: true }),
    // A tolerant reader: only another major version of a catalog subject is dead-lettered here.
    validate: checkConsumedEvent,
    maxInFlight: config.get('ENGINE_MAX_IN_FLIGHT', { infer: true }),
  });
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  app.get(TransportRegistry).set(server, { stream, durable });
  return server;
}

/**
 * Connects the outbox transport (the one-process deployment without NATS, with EngineModule's
 * `delivery: 'outbox'`); call before `startAllMicroservices()`.
 */
export function connectOutboxDelivery(app: INestApplication): OutboxServer {
  const server = app.get<OutboxServer>(OUTBOX_DELIVERY);
  app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
  return server;
}
