// The hub's OpenAPI document without a server, a database or NATS (Nest's preview mode).
import { previewOpenApiDocument } from '@state-hub/nest-http';
import { AppModule } from '../app/app.module';
import { buildOpenApiDocument } from './build-openapi-document';

export function generateHubDocument() {
  return previewOpenApiDocument(
    (dataDir) =>
      AppModule.forRoot({
        DATABASE_URL: '',
        STATE_HUB_DATA_DIR: dataDir,
        NATS_URL: '',
        STATE_HUB_API_TOKEN: '',
        LOG_LEVEL: 'silent',
      }),
    buildOpenApiDocument,
  );
}
