// Writes the hub's OpenAPI document to libs/hub-client/openapi.json without a
// server, a database or NATS: the app is built in Nest's preview mode (modules
// and routes, no provider instantiated). `--check` compares instead of writing.
// Run: npx nx run state-hub-api:openapi (or :openapi-check).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { emitOpenApiFile } from '@state-hub/nest-http';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './build-openapi-document';

const FILE = join(__dirname, '../../../../libs/hub-client/openapi.json');

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

async function main(): Promise<void> {
  const result = await emitOpenApiFile(await generateHubDocument(), {
    file: FILE,
    check: process.argv.includes('--check'),
    regenerate: 'npx nx run state-hub-api:openapi',
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
