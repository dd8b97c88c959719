import type { EventEnvelope } from './event-envelope';
import { envelopeSchema } from './envelope-schema';
import { isPlainObject } from './json-attributes';
import { kindOf } from './readable-issues';
import { parseWithSchema } from './parse-with-schema';

export type EnvelopeValidation = { ok: true; envelope: EventEnvelope } | { ok: false; errors: string[] };

/** Checks every envelope rule; never throws. Each error names its field. */
export function validateEnvelope(value: unknown): EnvelopeValidation {
  try {
    if (!isPlainObject(value)) return { ok: false, errors: [`envelope: expected a JSON object, got ${kindOf(value)}`] };
  } catch {
    // Only an exotic object (e.g. a Proxy with a throwing trap) gets here.
    return { ok: false, errors: ['envelope: expected a JSON object, got an unreadable object'] };
  }
  const result = parseWithSchema(envelopeSchema, value);
  return result.ok ? { ok: true, envelope: result.data } : { ok: false, errors: result.errors };
}
