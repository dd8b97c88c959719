// Builds the engine's OpenAPI document without a server, a database or NATS: the app
// is created in Nest's preview mode (modules and routes, no provider instantiated).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './build-openapi-document';

export async function generateEngineDocument() {
  // Nothing is opened in preview mode; a throwaway data dir keeps a developer's data out of reach all the same.
  const dataDir = mkdtempSync(join(tmpdir(), 'engine-openapi-'));
  try {
    const app = await NestFactory.create(
      await AppModule.forRoot({
        DATABASE_URL: '',
        ENGINE_DATA_DIR: dataDir,
        ACTIVITY_DEFINITIONS_DIR: dataDir,
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
