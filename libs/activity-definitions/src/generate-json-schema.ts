// Writes activity-definitions/activity-definition.schema.json; run through
// `npx nx run activity-definitions:generate-json-schema`.
import { writeFileSync } from 'node:fs';
import { jsonSchemaFile, renderJsonSchemaFile } from './lib/schema/json-schema-file';

async function main(): Promise<void> {
  const file = jsonSchemaFile();
  writeFileSync(file, await renderJsonSchemaFile(file));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
