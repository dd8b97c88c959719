import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { activityDefinitionJsonSchema } from './json-schema';
import { JSON_SCHEMA_PATH, jsonSchemaFile } from './json-schema-file';

const STALE =
  'activity-definitions/activity-definition.schema.json is stale: run npx nx run activity-definitions:generate-json-schema';

describe('activityDefinitionJsonSchema', () => {
  const schema = activityDefinitionJsonSchema();

  it('is draft 2020-12 with a title and description', () => {
    expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema['title']).toBe('ActivityDefinition');
    expect(schema['description']).toEqual(expect.stringContaining('trigger'));
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['required']).toEqual(['id', 'trigger', 'instruction']);
  });

  // Compared as data: the file is prettier-formatted by the generator, and
  // prettier cannot run inside Jest's CommonJS sandbox.
  it('matches the committed file', () => {
    const file = jsonSchemaFile();
    const committed = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : undefined;
    if (JSON.stringify(committed) !== JSON.stringify(schema)) throw new Error(STALE);
  });
});

describe('jsonSchemaFile', () => {
  it('resolves under the workspace root', () => {
    const file = jsonSchemaFile();
    expect(file.endsWith(join('activity-definitions', 'activity-definition.schema.json'))).toBe(true);
    expect(existsSync(join(file, '..', '..', 'nx.json'))).toBe(true);
    expect(JSON_SCHEMA_PATH).toBe('activity-definitions/activity-definition.schema.json');
  });

  it('fails clearly outside a workspace', () => {
    expect(() => jsonSchemaFile('/')).toThrow('no nx.json above /');
  });
});
