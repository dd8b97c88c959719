export { ENVELOPE_EVENT_TYPE_PATTERN, type EventEnvelope } from './lib/event-envelope';
export { EnvelopeError } from './lib/envelope-error';
export { createEnvelope, type CreateEnvelopeInput } from './lib/create-envelope';
export { validateEnvelope, type EnvelopeValidation } from './lib/validate-envelope';
export { readEnvelope } from './lib/read-envelope';
export { encodeEnvelope, decodeEnvelope, type DecodeResult } from './lib/envelope-codec';
export { parseWithSchema, type SchemaParseResult } from './lib/parse-with-schema';
export { isPlainObject } from './lib/json-attributes';
