// Writes the hub's OpenAPI document to libs/hub-client/openapi.json without a
// server, a database or NATS: the app is built in Nest's preview mode (modules
// and routes, no provider instantiated). `--check` compares instead of writing.
// Run: npx nx run state-hub-api:openapi (or :openapi-check).
import { join } from 'node:path';
import { emitOpenApiFile } from '@state-hub/nest-http';
import { generateHubDocument } from '@state-hub/hub';

const FILE = join(__dirname, '../../../../libs/hub-client/openapi.json');

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
