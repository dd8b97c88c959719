// A component schema of an OpenAPI document as self-contained JSON Schema
// (draft-07, what MCP clients validate with): $refs inlined, OpenAPI 3.0's
// `nullable` as a null type, OpenAPI-only keywords dropped.

export type JsonSchema = { [key: string]: unknown };

export interface OpenApiDocumentLike {
  components?: { schemas?: Record<string, unknown> };
}

const REF_PREFIX = '#/components/schemas/';
/** Keywords OpenAPI adds to JSON Schema; JSON Schema validators do not know them. */
const OPENAPI_ONLY = new Set(['nullable', 'discriminator', 'xml', 'externalDocs', 'example']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not', 'contains']);

export function componentJsonSchema(document: OpenApiDocumentLike, name: string): JsonSchema {
  return convert(component(document, name, []), document, [name]);
}

function component(document: OpenApiDocumentLike, name: string, path: string[]): unknown {
  const found = document.components?.schemas?.[name];
  if (found === undefined) {
    const via = path.length > 0 ? ` (referenced from ${path.join(' → ')})` : '';
    throw new Error(`the OpenAPI document has no component schema '${name}'${via}`);
  }
  return found;
}

function convert(node: unknown, document: OpenApiDocumentLike, path: string[]): JsonSchema {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    throw new Error(`${path.join(' → ')}: a schema must be an object`);
  }
  const { $ref: ref, ...schema } = node as JsonSchema;
  const keywords: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (!OPENAPI_ONLY.has(key)) keywords[key] = convertKeyword(key, value, document, path);
  }
  let out = keywords;
  if (ref !== undefined) {
    if (typeof ref !== 'string' || !ref.startsWith(REF_PREFIX)) {
      throw new Error(`${path.join(' → ')}: unsupported $ref ${String(ref)}`);
    }
    const name = ref.slice(REF_PREFIX.length);
    if (path.includes(name)) throw new Error(`${[...path, name].join(' → ')}: a cycle cannot be inlined`);
    // OpenAPI 3.1 allows keywords beside $ref (a description, say): they refine the target.
    out = { ...convert(component(document, name, path), document, [...path, name]), ...keywords };
  }
  return schema['nullable'] === true ? withNull(out) : out;
}

function convertKeyword(key: string, value: unknown, document: OpenApiDocumentLike, path: string[]): unknown {
  const sub = (v: unknown) => convert(v, document, path);
  if (SCHEMA_MAPS.has(key) && isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sub(v)]));
  }
  if (SCHEMA_LISTS.has(key) && Array.isArray(value)) return value.map(sub);
  if (SCHEMA_VALUES.has(key) && Array.isArray(value)) return value.map(sub);
  if (SCHEMA_VALUES.has(key) && isObject(value)) return sub(value);
  return value;
}

/** `nullable: true` in JSON Schema terms. */
function withNull(schema: JsonSchema): JsonSchema {
  const type = schema['type'];
  if (typeof type === 'string') {
    const out: JsonSchema = { ...schema, type: [type, 'null'] };
    if (Array.isArray(schema['enum'])) out['enum'] = [...schema['enum'], null];
    return out;
  }
  if (Array.isArray(type)) return type.includes('null') ? schema : { ...schema, type: [...type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
