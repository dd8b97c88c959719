// The one schema for an event envelope; EventEnvelope is checked against it below.
import { z } from 'zod';
import { ENVELOPE_EVENT_TYPE_PATTERN, type EventEnvelope } from './event-envelope';
import { ENVELOPE_LIMITS as L } from './envelope-limits';
import { attributesSchema } from './json-attributes';
import { previewValue } from './readable-issues';

const VERSION_PATTERN = /^\d+\.\d+$/;
const PUBLISHER_PATTERN = /^[a-z][a-z0-9-]*$/;

const traceId = z.string().min(1).max(L.maxIdLength);

export const envelopeSchema = z.strictObject({
  id: z.uuid(),
  type: z
    .string()
    .max(L.maxTypeLength)
    .regex(ENVELOPE_EVENT_TYPE_PATTERN, {
      error: (issue) => `must look like org.<publisher>.<noun>.<verb>, got ${previewValue(issue.input)}`,
    }),
  version: z
    .string()
    .max(L.maxVersionLength)
    .regex(VERSION_PATTERN, {
      error: (issue) => `must look like <major>.<minor> (e.g. 1.0), got ${previewValue(issue.input)}`,
    }),
  timestamp: z.iso.datetime().max(L.maxTimestampLength),
  publisher: z
    .string()
    .max(L.maxPublisherLength)
    .regex(PUBLISHER_PATTERN, {
      error: (issue) => `must be lowercase kebab-case (e.g. state-hub), got ${previewValue(issue.input)}`,
    }),
  attributes: attributesSchema,
  correlation_id: traceId.optional(),
  causation_id: traceId.optional(),
});

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Matches<A, B> = Same<A, B> extends true ? Same<keyof A, keyof B> : false;

// Compile-time guard: the schema and the published interface never drift apart.
const _schemaMatchesInterface: Matches<z.infer<typeof envelopeSchema>, EventEnvelope> = true;
