// Writes the engine's OpenAPI document to libs/engine-client/openapi.json
// without a server, a database or NATS: the app is built in Nest's preview mode
// (modules and routes, no provider instantiated, no JetStream consumer
// connected). `--check` compares instead of writing.
// Run: npx nx run event-consumer:openapi (or :openapi-check).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { emitOpenApiFile } from '@state-hub/nest-http';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './build-openapi-document';

const FILE = join(__dirname, '../../../../libs/engine-client/openapi.json');

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

async function main(): Promise<void> {
  const result = await emitOpenApiFile(await generateEngineDocument(), {
    file: FILE,
    check: process.argv.includes('--check'),
    regenerate: 'npx nx run event-consumer:openapi',
  });
  (result.ok ? console.log : console.error)(result.message);
  process.exitCode = result.ok ? 0 : 1;
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('writing the OpenAPI document failed:', error);
    process.exitCode = 1;
  });
}
