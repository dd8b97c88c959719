import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ConfigService } from '@nestjs/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app/app.module';
import { configureApp } from './app/configure-app';
import { ConfigError } from './config/app-config';
import type { AppConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app);
  const config = app.get<ConfigService<AppConfig, true>>(ConfigService);
  const port = config.get('PORT', { infer: true });
  const host = config.get('HOST', { infer: true });
  await app.listen(port, host);
  app.get(Logger).log(`state-hub-api listening on http://${host}:${port} (OpenAPI at /docs)`, 'Bootstrap');
}

bootstrap().catch((err: unknown) => {
  // A bad configuration is the operator's to fix: print the message, not a stack.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('state-hub-api failed to start:', err);
  process.exit(1);
});
