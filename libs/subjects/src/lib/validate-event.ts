import { parseWithSchema, validateEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { CATALOG, isCatalogSubject } from './catalog';

export type EventValidation = { ok: true; envelope: EventEnvelope } | { ok: false; errors: string[] };

/**
 * Envelope rules, then (for catalog subjects) the subject's attribute schema.
 * Subjects outside the catalog pass on the envelope check alone. Never throws.
 */
export function validateEvent(value: unknown): EventValidation {
  const checked = validateEnvelope(value);
  if (!checked.ok || !isCatalogSubject(checked.envelope.type)) return checked;
  const spec = CATALOG[checked.envelope.type];
  const attributes = parseWithSchema(spec.schema, checked.envelope.attributes, 'attributes');
  if (!attributes.ok) return { ok: false, errors: attributes.errors };
  return { ok: true, envelope: { ...checked.envelope, attributes: attributes.data as Record<string, unknown> } };
}
