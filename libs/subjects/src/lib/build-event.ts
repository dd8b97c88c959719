import { createEnvelope, parseWithSchema, type EventEnvelope } from '@state-hub/envelope';
import { CATALOG, isCatalogSubject, type AttributesOf } from './catalog';
import { SubjectAttributesError } from './subject-attributes-error';
import type { Subject } from './subject-names';

export interface BuildEventOptions {
  /** Defaults to a fresh UUID v7. */
  id?: string;
  /** Defaults to now. */
  timestamp?: Date | string;
  correlation_id?: string;
  causation_id?: string;
}

/**
 * Builds the envelope for a catalog event (publisher `state-hub`, version `1.0`).
 * Throws SubjectAttributesError when the attributes break the subject's schema,
 * EnvelopeError when an option (id, timestamp, trace id) is invalid.
 */
export function buildEvent<S extends Subject>(
  subject: S,
  attributes: AttributesOf<S>,
  options: BuildEventOptions = {},
): EventEnvelope<AttributesOf<S>> {
  if (!isCatalogSubject(subject))
    throw new SubjectAttributesError([`type: '${String(subject)}' is not a catalog subject`]);
  const spec = CATALOG[subject];
  const parsed = parseWithSchema(spec.schema, attributes, 'attributes');
  if (!parsed.ok) throw new SubjectAttributesError(parsed.errors);
  return createEnvelope({
    ...options,
    type: spec.subject,
    publisher: spec.publisher,
    version: spec.version,
    attributes: parsed.data as AttributesOf<S>,
  });
}
