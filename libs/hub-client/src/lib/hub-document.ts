// The hub's OpenAPI document (libs/hub-client/openapi.json, written by
// `npx nx run state-hub-api:openapi`), bundled at build time: the source of the
// runtime vocabulary and of the JSON Schemas of the hub's answers.
import document from '../../openapi.json';
import { componentJsonSchema, type JsonSchema } from './component-json-schema';
import type { HubSchemaName } from './hub-client';

export const hubOpenApiDocument = document;

/** The JSON Schema (draft-07, self-contained) of one of the hub's component schemas, e.g. `RepoPage`. */
export function hubJsonSchema(name: HubSchemaName): JsonSchema {
  return componentJsonSchema(hubOpenApiDocument, name);
}
