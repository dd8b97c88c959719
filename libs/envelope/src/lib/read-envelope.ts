// The envelope as a tolerant reader sees it (DESIGN §3): `org.>` carries other
// publishers (the old hub, CI, git hosts), so a consumer refuses only what it
// cannot interpret. Publishers keep to the strict rules of validateEnvelope.
import { z } from 'zod';
import type { EventEnvelope } from './event-envelope';
import { ENVELOPE_LIMITS as L } from './envelope-limits';
import { isPlainObject, readerAttributesSchema } from './json-attributes';
import { parseWithSchema } from './parse-with-schema';
import { kindOf, previewValue } from './readable-issues';
import type { EnvelopeValidation } from './validate-envelope';

/** No control, format, surrogate, private-use or unassigned characters. */
const PRINTABLE = /^[^\p{C}]*$/u;

const text = (max: number) => z.string().min(1).max(max);
const traceId = text(L.maxIdLength).nullable().optional();

const readerEnvelopeSchema = z.object({
  id: text(L.maxEventIdLength).regex(PRINTABLE, {
    error: (issue) => `must be printable characters only, got ${previewValue(issue.input)}`,
  }),
  type: text(L.maxTypeLength),
  version: text(L.maxVersionLength),
  timestamp: z.iso.datetime({
    offset: true,
    error: (issue) =>
      issue.code === 'invalid_format'
        ? `must be an RFC 3339 timestamp with an offset (Z or ±hh:mm), got ${previewValue(issue.input)}`
        : undefined,
  }),
  publisher: text(L.maxPublisherLength),
  attributes: readerAttributesSchema,
  correlation_id: traceId,
  causation_id: traceId,
});

/**
 * Reads an envelope from another publisher; never throws. Refused: not an object; a required field
 * missing or of the wrong JSON type; an id that is empty, longer than 128 or not printable; a timestamp
 * that is not RFC 3339 (any fraction digits, any offset); attributes that are not a JSON object.
 * Everything else is accepted as is: any type, version and publisher text, attribute keys of any form.
 * Unknown top-level fields are dropped, and a null trace id reads as absent.
 */
export function readEnvelope(value: unknown): EnvelopeValidation {
  try {
    if (!isPlainObject(value)) return { ok: false, errors: [`envelope: expected a JSON object, got ${kindOf(value)}`] };
  } catch {
    return { ok: false, errors: ['envelope: expected a JSON object, got an unreadable object'] };
  }
  const result = parseWithSchema(readerEnvelopeSchema, value);
  if (!result.ok) return result;
  const { correlation_id, causation_id, ...required } = result.data;
  const envelope: EventEnvelope = { ...required };
  if (typeof correlation_id === 'string') envelope.correlation_id = correlation_id;
  if (typeof causation_id === 'string') envelope.causation_id = causation_id;
  return { ok: true, envelope };
}
