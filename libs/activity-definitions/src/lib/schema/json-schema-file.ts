// Where the generated JSON Schema lives and how it is written: found from this
// file so it works from any cwd, formatted with the repo's prettier settings.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { activityDefinitionJsonSchema } from './json-schema';

export const JSON_SCHEMA_PATH = 'activity-definitions/activity-definition.schema.json';

export function jsonSchemaFile(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}: cannot find the workspace root`);
    dir = parent;
  }
  return join(dir, JSON_SCHEMA_PATH);
}

/** The file's text. Prettier is loaded only here, by the generator, never by the library. */
export async function renderJsonSchemaFile(file: string): Promise<string> {
  const prettier = await import('prettier');
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(activityDefinitionJsonSchema()), { ...config, parser: 'json' });
}
