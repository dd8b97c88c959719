// Writes the hub's OpenAPI document to libs/hub-client/openapi.json without a
// server, a database or NATS: the app is built in Nest's preview mode (modules
// and routes, no provider instantiated). `--check` compares instead of writing.
// Run: npx nx run state-hub-api:openapi (or :openapi-check).
import { join } from 'node:path';
import { runOpenApiWriter } from '@state-hub/nest-http';
import { generateHubDocument } from '@state-hub/hub';

runOpenApiWriter(
  generateHubDocument,
  join(__dirname, '../../../../libs/hub-client/openapi.json'),
  'npx nx run state-hub-api:openapi',
);
