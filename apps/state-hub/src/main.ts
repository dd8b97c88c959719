// `npm start`: the whole system in one process — the hub's API, the activity
// engine (cron included) and their one database — on one port.
import { ConfigService } from '@nestjs/config';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, configErrorText, describeHeapTrim, trimHeapWhenIdle } from '@state-hub/config';
import { connectEventConsumer, connectOutboxDelivery } from '@state-hub/engine';
import { configureHubApp, hubHttpAdapter } from '@state-hub/hub';
import { Logger } from 'nestjs-pino';
import { SystemModule } from './app/system.module';
import { describeSystem } from './app/describe-system';
import { eventDelivery, type SystemConfig } from './config/system-config';

async function bootstrap(): Promise<void> {
  // Awaited before Nest starts, so a bad setting is ours to print (not Nest's, with a stack).
  const systemModule = await SystemModule.forRoot();
  const app = await NestFactory.create<NestFastifyApplication>(systemModule, hubHttpAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureHubApp(app);
  const config = app.get<ConfigService<SystemConfig, true>>(ConfigService);
  const delivery = eventDelivery({ NATS_URL: config.get('NATS_URL', { infer: true }) });
  if (delivery === 'jetstream') connectEventConsumer(app);
  else connectOutboxDelivery(app);
  // Lifecycle hooks first (database migrated, definitions loaded, relay started), then take events.
  await app.init();
  await app.startAllMicroservices();
  await app.listen(config.get('PORT', { infer: true }), config.get('HOST', { infer: true }));
  const logger = app.get(Logger);
  for (const line of await describeSystem(app, delivery)) logger.log(line, 'Bootstrap');
  trimHeapWhenIdle({ onTrim: (trim) => logger.debug(describeHeapTrim(trim), 'Memory') });
}

bootstrap().catch((err: unknown) => {
  // A bad configuration is the operator's to fix: one line per problem, no stack.
  if (err instanceof ConfigError) process.stderr.write(configErrorText('state-hub', err));
  else console.error('state-hub failed to start:', err);
  process.exit(1);
});
