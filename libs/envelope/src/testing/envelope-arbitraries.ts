// fast-check arbitraries for envelopes that satisfy every rule (test-only).
import fc from 'fast-check';
import type { EventEnvelope } from '../lib/event-envelope';

const token = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);

export const eventTypeArb = fc
  .array(token, { minLength: 3, maxLength: 6 })
  .map((tokens) => ['org', ...tokens].join('.'));

export const timestampArb = fc
  .date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

// -0 is the one JSON value that does not survive a round-trip (it encodes as 0).
const jsonArb = fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);

export const attributesArb: fc.Arbitrary<Record<string, unknown>> = fc.dictionary(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
  jsonArb,
  { maxKeys: 8 },
);

const traceIdArb = fc.string({ minLength: 1, maxLength: 200 });

export const envelopeArb: fc.Arbitrary<EventEnvelope> = fc.record(
  {
    id: fc.uuid(),
    type: eventTypeArb,
    version: fc.tuple(fc.nat(99), fc.nat(99)).map(([major, minor]) => `${major}.${minor}`),
    timestamp: timestampArb,
    publisher: fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/),
    attributes: attributesArb,
    correlation_id: traceIdArb,
    causation_id: traceIdArb,
  },
  { requiredKeys: ['id', 'type', 'version', 'timestamp', 'publisher', 'attributes'] },
);
