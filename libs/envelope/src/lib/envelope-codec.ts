// Wire format: the envelope as UTF-8 JSON. Encoding keeps the publisher's strict
// rules; decoding is the consumer's trust boundary: it never throws, reads as a
// tolerant reader (readEnvelope) and refuses only what it cannot interpret.
import type { EventEnvelope } from './event-envelope';
import { EnvelopeError } from './envelope-error';
import { ENVELOPE_LIMITS } from './envelope-limits';
import { readEnvelope } from './read-envelope';
import { validateEnvelope } from './validate-envelope';

export type DecodeResult = { ok: true; envelope: EventEnvelope } | { ok: false; reason: string };

const utf8Decoder = new TextDecoder('utf-8', { fatal: true });
const utf8Encoder = new TextEncoder();

/** Validates, then serialises; throws EnvelopeError rather than put an invalid envelope on the wire. */
export function encodeEnvelope(envelope: EventEnvelope): Uint8Array {
  const result = validateEnvelope(envelope);
  if (!result.ok) throw new EnvelopeError(result.errors);
  const bytes = utf8Encoder.encode(JSON.stringify(result.envelope));
  if (bytes.length > ENVELOPE_LIMITS.maxEncodedBytes) {
    throw new EnvelopeError([`envelope: ${bytes.length} bytes encoded, more than ${ENVELOPE_LIMITS.maxEncodedBytes}`]);
  }
  return bytes;
}

/** Bytes off the wire as a tolerant reader takes them; the reason says why a message cannot be read. */
export function decodeEnvelope(bytes: Uint8Array): DecodeResult {
  if (!(bytes instanceof Uint8Array)) return { ok: false, reason: 'not a byte array' };
  if (bytes.length > ENVELOPE_LIMITS.maxEncodedBytes) {
    return { ok: false, reason: `message is ${bytes.length} bytes, more than ${ENVELOPE_LIMITS.maxEncodedBytes}` };
  }
  const text = decodeUtf8(bytes);
  if (text === undefined) return { ok: false, reason: 'not valid UTF-8' };
  const parsed = parseJson(text);
  if (!parsed.ok) return { ok: false, reason: `not valid JSON (${parsed.message})` };
  const result = readEnvelope(parsed.value);
  return result.ok ? result : { ok: false, reason: `invalid envelope: ${result.errors.join('; ')}` };
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
