// fast-check arbitraries of request bodies and values from OpenAPI schemas:
// valid ones (foreign keys from seeded rows) and valid ones broken on purpose.
import fc from 'fast-check';
import { hostileValue, hugeString, wrongTypeFor } from './hostile-values';
import { type FuzzOperation, type OpenApiDocument, resolve, type Schema } from './openapi-document';

/** Values a request can use to reach past "not found": seeded rows, foreign keys. */
export interface FuzzSeeds {
  /** Existing values of a path parameter of this operation (ids, slugs of seeded rows). */
  pathValues(op: FuzzOperation, name: string): string[];
  /** Existing values for a body field or query parameter of this name (e.g. `domain`, `workstream_id`). */
  fieldValues(name: string): string[];
}

/** A value the schema accepts (foreign keys taken from the seeds most of the time). */
export function validValue(doc: OpenApiDocument, raw: Schema, name: string, seeds: FuzzSeeds): fc.Arbitrary<unknown> {
  const schema = resolve(doc, raw);
  const generic = genericValue(doc, schema, seeds);
  const seeded = seeds.fieldValues(name);
  if (seeded.length === 0) return generic;
  return fc.oneof({ arbitrary: fc.constantFrom(...seeded), weight: 4 }, { arbitrary: generic, weight: 1 });
}

function genericValue(doc: OpenApiDocument, schema: Schema, seeds: FuzzSeeds): fc.Arbitrary<unknown> {
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  if (schema.type === 'boolean') return fc.boolean();
  if (schema.type === 'integer' || schema.type === 'number' || schema.minimum !== undefined) {
    return fc.integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 });
  }
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date-time') {
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  if (schema.type === 'object' && schema.properties) return validObject(doc, schema, seeds);
  if (schema.type === 'object') {
    return fc.dictionary(fc.string({ minLength: 1, maxLength: 8 }), fc.oneof(fc.string(), fc.integer(), fc.boolean()), {
      maxKeys: 3,
    });
  }
  const maxLength = Math.min(schema.maxLength ?? 40, 40);
  const text = schema.pattern
    ? fc.stringMatching(new RegExp(schema.pattern), { size: 'xsmall' }).filter((s) => s.length <= maxLength)
    : fc.string({ minLength: 1, maxLength });
  return schema.example === undefined ? text : fc.oneof(fc.constant(schema.example), text);
}

/** An object with every required property and some optional ones, each valid. */
export function validObject(
  doc: OpenApiDocument,
  schema: Schema,
  seeds: FuzzSeeds,
): fc.Arbitrary<Record<string, unknown>> {
  const props = schema.properties ?? {};
  const model = Object.fromEntries(Object.entries(props).map(([k, s]) => [k, validValue(doc, s, k, seeds)]));
  return fc.record(model, { requiredKeys: schema.required ?? [] }) as fc.Arbitrary<Record<string, unknown>>;
}

/** A valid body broken in one or more ways: a required field dropped, an unknown one added, a value replaced. */
export function mutatedObject(
  doc: OpenApiDocument,
  schema: Schema,
  seeds: FuzzSeeds,
): fc.Arbitrary<Record<string, unknown>> {
  const props = Object.keys(schema.properties ?? {});
  const required = schema.required ?? [];
  const base = validObject(doc, schema, seeds);
  const unknownKey = fc.oneof(
    fc.constantFrom('colour', 'id', 'created_at', 'updated_at', 'constructor', '$where', '', 'slug '),
    fc.string({ minLength: 1, maxLength: 12 }),
  );
  const replacement = (key: string) =>
    fc.oneof(hostileValue(), wrongTypeFor(schema.properties?.[key]?.type), fc.constant(null), hugeString());
  const mutations: fc.Arbitrary<Record<string, unknown>>[] = [
    fc.tuple(base, unknownKey, hostileValue()).map(([b, k, v]) => ({ ...b, [k]: v })),
  ];
  if (required.length) {
    mutations.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([b, k]) => {
        const copy = { ...b };
        delete copy[k];
        return copy;
      }),
    );
  }
  if (props.length) {
    const replaced = fc.constantFrom(...props).chain((k) => replacement(k).map((v) => [k, v] as const));
    mutations.push(
      fc.tuple(base, fc.array(replaced, { minLength: 1, maxLength: 3 })).map(([b, rs]) => ({
        ...b,
        ...Object.fromEntries(rs),
      })),
    );
  }
  return fc.oneof(...mutations);
}
