// The engine's check of an envelope the transport has decoded: an event on a
// catalog subject must carry the catalog's major version and attributes that fit
// the subject's schema, or it is dead-lettered with the reason (DESIGN §3, §5).
import type { EventEnvelope } from '@state-hub/envelope';
import { CATALOG, isCatalogSubject, validateEvent } from '@state-hub/subjects';

/**
 * Reason to dead-letter the event, or undefined to run definitions on it. Subjects
 * outside the catalog have no attribute schema and always pass.
 *
 * A later minor version (1.1) is read with the v1 schema, which refuses unknown
 * attributes: engines are upgraded before publishers. Another major version is
 * refused: definitions, filters and rules were written against v1 attributes, and a
 * v2 payload read as v1 would run them on data they do not understand. The dead
 * letter keeps it, with its reason, for replay by an engine that knows v2.
 */
export function checkCatalogEvent(subject: string, envelope: EventEnvelope): string | undefined {
  if (!isCatalogSubject(subject)) return undefined;
  const major = majorOf(CATALOG[subject].version);
  if (majorOf(envelope.version) !== major) {
    return `unsupported version ${envelope.version} of ${subject}: this engine reads ${major}.x`;
  }
  const checked = validateEvent(envelope);
  if (checked.ok) return undefined;
  return `attributes do not match the v${major} schema of ${subject}: ${checked.errors.join('; ')}`;
}

/** `1` for `1.0` and `01.3`; the envelope rules already made sure it is `<major>.<minor>`. */
function majorOf(version: string): number {
  return Number(version.split('.')[0]);
}
