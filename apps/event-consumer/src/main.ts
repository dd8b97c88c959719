import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import { configErrorText, describeHeapTrim, trimHeapWhenIdle } from '@state-hub/config';
import {
  ConfigError,
  configureEngineApp,
  connectEventConsumer,
  EngineAppModule,
  type EngineConfig,
} from '@state-hub/engine';

async function bootstrap(): Promise<void> {
  // Awaited before Nest starts, so a bad setting is ours to print (not Nest's, with a stack).
  const appModule = await EngineAppModule.forRoot();
  const app = await NestFactory.create<NestExpressApplication>(appModule, { bufferLogs: true });
  configureEngineApp(app);
  connectEventConsumer(app);
  // Lifecycle hooks first (definitions loaded, database migrated), then consume events.
  await app.init();
  await app.startAllMicroservices();
  const config = app.get<ConfigService<EngineConfig, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  app.get(Logger).log(`event-consumer listening on http://${host}:${port}`, 'Bootstrap');
  trimHeapWhenIdle({ onTrim: (trim) => app.get(Logger).debug(describeHeapTrim(trim), 'Memory') });
}

bootstrap().catch((err: unknown) => {
  // A bad configuration is the operator's to fix: one line per problem, no stack.
  if (err instanceof ConfigError) process.stderr.write(configErrorText('event-consumer', err));
  else console.error('event-consumer failed to start:', err);
  process.exit(1);
});
