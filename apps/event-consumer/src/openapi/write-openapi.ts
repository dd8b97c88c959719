// Writes the engine's OpenAPI document to libs/engine-client/openapi.json
// without a server, a database or NATS: the app is built in Nest's preview mode
// (modules and routes, no provider instantiated, no JetStream consumer
// connected). `--check` compares instead of writing.
// Run: npx nx run event-consumer:openapi (or :openapi-check).
import { join } from 'node:path';
import { runOpenApiWriter } from '@state-hub/nest-http';
import { generateEngineDocument } from '@state-hub/engine';

runOpenApiWriter(
  generateEngineDocument,
  join(__dirname, '../../../../libs/engine-client/openapi.json'),
  'npx nx run event-consumer:openapi',
);
