// Reads an attribute schema (through its JSON Schema) into rows for the catalog doc.
import { z } from 'zod';

export interface AttributeRow {
  name: string;
  type: string;
  presence: string;
  description: string;
}

type JsonSchema = z.core.JSONSchema.BaseSchema;

export function attributeRows(schema: z.ZodType): AttributeRow[] {
  const json = z.toJSONSchema(schema, { io: 'output' });
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const field = typeof property === 'boolean' ? {} : property;
    const variants = nonNullVariants(field);
    const nullable = variants.length < variantCount(field);
    return {
      name,
      type: describeType(variants[0] ?? {}),
      presence: [required.has(name) ? 'required' : 'optional', ...(nullable ? ['nullable'] : [])].join(', '),
      description: field.description ?? '',
    };
  });
}

/** The schema's alternatives other than `null` (`anyOf`, or a `type` list). */
function nonNullVariants(field: JsonSchema): JsonSchema[] {
  if (field.anyOf) return field.anyOf.filter((v): v is JsonSchema => typeof v !== 'boolean' && v.type !== 'null');
  if (Array.isArray(field.type)) return [{ ...field, type: field.type.find((t) => t !== 'null') }];
  return [field];
}

function variantCount(field: JsonSchema): number {
  if (field.anyOf) return field.anyOf.length;
  return Array.isArray(field.type) ? field.type.length : 1;
}

function describeType(field: JsonSchema): string {
  if (field.enum) return `one of ${field.enum.map((value) => `\`${String(value)}\``).join(', ')}`;
  if (field.format === 'uuid') return 'string (UUID)';
  if (field.type === 'string' && field.maxLength !== undefined) {
    return `string (${field.minLength ?? 0}-${field.maxLength} chars)`;
  }
  return String(field.type ?? 'any');
}
