// What a consumer records about an event it runs as a tolerant reader (DESIGN §3):
// how its attributes differ from the v1 schema of its subject. Nothing is refused here.
import { parseWithSchema, type EventEnvelope } from '@state-hub/envelope';
import { CATALOG, isCatalogSubject } from './catalog';

/**
 * One field-named line per difference (`attributes.local_path: required`,
 * `attributes.build_url: unknown field`); empty when the attributes fit, and for
 * subjects outside the catalog, which have no schema. Never throws.
 */
export function catalogDifferences(event: Pick<EventEnvelope, 'type' | 'attributes'>): string[] {
  if (!isCatalogSubject(event.type)) return [];
  const parsed = parseWithSchema(CATALOG[event.type].schema, event.attributes, 'attributes');
  return parsed.ok ? [] : parsed.errors;
}
