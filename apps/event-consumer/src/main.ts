import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app/app.module';
import { configureApp, connectEventConsumer } from './app/configure-app';
import { type AppConfig, ConfigError } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), { bufferLogs: true });
  configureApp(app);
  connectEventConsumer(app);
  // Lifecycle hooks first (definitions loaded, database migrated), then consume events.
  await app.init();
  await app.startAllMicroservices();
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  app.get(Logger).log(`event-consumer listening on http://${host}:${port}`, 'Bootstrap');
}

bootstrap().catch((err: unknown) => {
  // A bad configuration is the operator's to fix: print the message, not a stack.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('event-consumer failed to start:', err);
  process.exit(1);
});
