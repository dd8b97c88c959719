import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import { configErrorText, describeHeapTrim, trimHeapWhenIdle } from '@state-hub/config';
import { ConfigError, configureHubApp, type HubConfig, HubAppModule, hubHttpAdapter } from '@state-hub/hub';

async function bootstrap(): Promise<void> {
  // Awaited before Nest starts, so a bad setting is ours to print (not Nest's, with a stack).
  const appModule = await HubAppModule.forRoot();
  const app = await NestFactory.create<NestFastifyApplication>(appModule, hubHttpAdapter(), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureHubApp(app);
  const config = app.get<ConfigService<HubConfig, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  app
    .get(Logger)
    .log(`state-hub-api listening on http://${host}:${port} (dashboard at /ui/, OpenAPI at /docs)`, 'Bootstrap');
  trimHeapWhenIdle({ onTrim: (trim) => app.get(Logger).debug(describeHeapTrim(trim), 'Memory') });
}

bootstrap().catch((err: unknown) => {
  // A bad configuration is the operator's to fix: one line per problem, no stack.
  if (err instanceof ConfigError) process.stderr.write(configErrorText('state-hub-api', err));
  else console.error('state-hub-api failed to start:', err);
  process.exit(1);
});
