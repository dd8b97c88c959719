// Builds the hub's OpenAPI document without a server, a database or NATS: the app
// is created in Nest's preview mode (modules and routes, no provider instantiated).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './build-openapi-document';

export async function generateHubDocument() {
  // Nothing is opened in preview mode; a throwaway data dir keeps a developer's .state-hub out of reach all the same.
  const dataDir = mkdtempSync(join(tmpdir(), 'hub-openapi-'));
  try {
    const app = await NestFactory.create(
      await AppModule.forRoot({
        DATABASE_URL: '',
        STATE_HUB_DATA_DIR: dataDir,
        NATS_URL: '',
        STATE_HUB_API_TOKEN: '',
        LOG_LEVEL: 'silent',
      }),
      { preview: true, logger: false, abortOnError: false },
    );
    const document = buildOpenApiDocument(app);
    await app.close();
    return document;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
