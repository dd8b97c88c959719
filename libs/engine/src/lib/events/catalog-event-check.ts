// The engine's view of catalog events, as a reader and as a publisher (DESIGN §3).
// Reading, it is tolerant: only another major version of a catalog subject is
// refused (dead-lettered), and schema differences become warnings on the run.
// Publishing, it is strict: an event that breaks the catalog is never sent.
import type { EventEnvelope } from '@state-hub/envelope';
import { CATALOG, catalogDifferences, isCatalogSubject, validateEvent } from '@state-hub/subjects';

/**
 * The transport's `validate` for consumed events: the reason to dead-letter, or undefined to run
 * definitions on it. Another major version (or a version with no readable major) of a catalog subject
 * is refused: definitions, filters and rules were written against v1 attributes, and a v2 payload read
 * as v1 would run them on data they do not understand; the dead letter keeps it for an engine that knows
 * v2. A later minor version only adds attributes, so it is read with the v1 schema like any other 1.x.
 * Subjects outside the catalog have no schema and always pass.
 */
export function checkConsumedEvent(subject: string, envelope: EventEnvelope): string | undefined {
  if (!isCatalogSubject(subject)) return undefined;
  const major = majorOf(CATALOG[subject].version);
  if (majorOf(envelope.version) === major) return undefined;
  return `unsupported version ${JSON.stringify(envelope.version)} of ${subject}: this engine reads ${major}.x`;
}

/**
 * What a run records about its event: how the attributes differ from the v1 schema of a catalog subject
 * (missing, unknown, mistyped), one field-named line each. Missing attributes stay absent and unknown ones
 * are kept, so definitions see the event as published.
 */
export function eventWarnings(envelope: EventEnvelope): string[] {
  return catalogDifferences(envelope);
}

/**
 * The engine as publisher (the `publish` instruction): the reason not to publish, or undefined.
 * An event on a catalog subject must carry its major version and attributes that fit its schema.
 */
export function checkCatalogEvent(subject: string, envelope: EventEnvelope): string | undefined {
  const refused = checkConsumedEvent(subject, envelope);
  if (refused !== undefined || !isCatalogSubject(subject)) return refused;
  const checked = validateEvent(envelope);
  if (checked.ok) return undefined;
  return `attributes do not match the v1 schema of ${subject}: ${checked.errors.join('; ')}`;
}

/** `1` for `1.0`, `01.3` and `1`; NaN when the version does not start with `<digits>` and a dot or its end. */
function majorOf(version: string): number {
  const major = /^(\d+)(?:\.|$)/.exec(version);
  return major ? Number(major[1]) : NaN;
}
