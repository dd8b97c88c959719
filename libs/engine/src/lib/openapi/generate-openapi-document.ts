// The engine's OpenAPI document without a server, a database or NATS (Nest's preview mode; no consumer connected).
import { previewOpenApiDocument } from '@state-hub/nest-http';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './build-openapi-document';

export function generateEngineDocument() {
  return previewOpenApiDocument(
    (dataDir) =>
      AppModule.forRoot({
        DATABASE_URL: '',
        ENGINE_DATA_DIR: dataDir,
        ACTIVITY_DEFINITIONS_DIR: dataDir,
        LOG_LEVEL: 'silent',
      }),
    buildOpenApiDocument,
  );
}
