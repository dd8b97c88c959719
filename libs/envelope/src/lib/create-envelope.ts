import { v7 as uuidv7 } from 'uuid';
import type { EventEnvelope } from './event-envelope';
import { EnvelopeError } from './envelope-error';
import { validateEnvelope } from './validate-envelope';

export interface CreateEnvelopeInput<A extends Record<string, unknown> = Record<string, unknown>> {
  type: string;
  publisher: string;
  attributes: A;
  /** Defaults to `1.0`. */
  version?: string;
  /** Defaults to a fresh UUID v7. Pass the stored id when re-building a retried event. */
  id?: string;
  /** Defaults to now. A Date is written as UTC ISO 8601. */
  timestamp?: Date | string;
  correlation_id?: string;
  causation_id?: string;
}

/** Builds a valid envelope, filling id and timestamp; throws EnvelopeError if any rule is broken. */
export function createEnvelope<A extends Record<string, unknown>>(input: CreateEnvelopeInput<A>): EventEnvelope<A> {
  const candidate: Record<string, unknown> = {
    id: input.id ?? uuidv7(),
    type: input.type,
    version: input.version ?? '1.0',
    timestamp: toTimestamp(input.timestamp ?? new Date()),
    publisher: input.publisher,
    attributes: input.attributes,
  };
  if (input.correlation_id !== undefined) candidate['correlation_id'] = input.correlation_id;
  if (input.causation_id !== undefined) candidate['causation_id'] = input.causation_id;

  const result = validateEnvelope(candidate);
  if (!result.ok) throw new EnvelopeError(result.errors);
  // Validation returns the same attributes object it was given, so A still holds.
  return result.envelope as EventEnvelope<A>;
}

function toTimestamp(value: Date | string): string {
  if (typeof value === 'string') return value;
  // An invalid Date is left for validation to report against the timestamp field.
  return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
}
