// Runs a zod schema without ever throwing and reports readable, field-named errors.
import { z } from 'zod';
import { formatIssues, readableMessage } from './readable-issues';

export type SchemaParseResult<T> = { ok: true; data: T } | { ok: false; errors: string[] };

/**
 * Parses `value` with `schema`. Error paths are prefixed with `at`, e.g.
 * `parseWithSchema(schema, attrs, 'attributes')` reports "attributes.repo_slug: required".
 */
export function parseWithSchema<T>(schema: z.ZodType<T>, value: unknown, at?: string): SchemaParseResult<T> {
  const prefix = at === undefined ? [] : [at];
  try {
    const result = schema.safeParse(value, { error: readableMessage });
    if (result.success) return { ok: true, data: result.data };
    return { ok: false, errors: formatIssues(result.error.issues, prefix) };
  } catch (error) {
    // A hostile value (throwing getter, proxy) must not escape as an exception.
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [`${at ?? 'value'}: could not be validated (${reason})`] };
  }
}
