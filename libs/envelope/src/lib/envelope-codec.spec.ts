import fc from 'fast-check';
import { envelopeArb } from '../testing/envelope-arbitraries';
import { decodeEnvelope, encodeEnvelope } from './envelope-codec';
import { EnvelopeError } from './envelope-error';
import type { EventEnvelope } from './event-envelope';

const valid: EventEnvelope = {
  id: '019ab2a6-3c4e-7a10-8b2c-5d6e7f809a1b',
  type: 'org.repo.commit.pushed',
  version: '1.0',
  timestamp: '2026-11-23T21:04:57.438Z',
  publisher: 'state-hub',
  attributes: { repo_slug: 'state-hub', ref: 'refs/heads/main', note: 'é ✓ 🚀' },
  correlation_id: 'run-42',
};

const utf8 = (text: string) => new TextEncoder().encode(text);

function reasonFor(bytes: Uint8Array): string {
  const result = decodeEnvelope(bytes);
  if (result.ok) throw new Error('expected decoding to fail');
  return result.reason;
}

describe('encodeEnvelope / decodeEnvelope', () => {
  it('encodes as UTF-8 JSON', () => {
    const bytes = encodeEnvelope(valid);
    expect(JSON.parse(new TextDecoder().decode(bytes))).toEqual(valid);
  });

  it('round-trips every valid envelope to a deep-equal value', () => {
    fc.assert(
      fc.property(envelopeArb, (envelope) => {
        expect(decodeEnvelope(encodeEnvelope(envelope))).toEqual({ ok: true, envelope });
      }),
    );
  });

  it('refuses to encode an invalid envelope', () => {
    expect(() => encodeEnvelope({ ...valid, type: 'Foo' })).toThrow(EnvelopeError);
    expect(() => encodeEnvelope({ ...valid, attributes: { when: new Date() } })).toThrow(
      'attributes.when: must be a plain JSON object',
    );
  });

  it('refuses to encode more than 1 MiB', () => {
    const big = { ...valid, attributes: { blob: 'x'.repeat(1024 * 1024) } };
    expect(() => encodeEnvelope(big)).toThrow(/bytes encoded, more than 1048576/);
  });

  it.each([
    ['bad UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), 'not valid UTF-8'],
    ['bad JSON', utf8('{"id": '), 'not valid JSON'],
    ['a JSON array', utf8('[1,2]'), 'invalid envelope: envelope: expected a JSON object, got array'],
    ['a JSON string', utf8('"hello"'), 'invalid envelope: envelope: expected a JSON object, got string'],
    ['an empty message', new Uint8Array(), 'not valid JSON'],
    ['an envelope without an id', utf8(JSON.stringify({ ...valid, id: undefined })), 'invalid envelope: id: required'],
    ['a mistyped field', utf8(JSON.stringify({ ...valid, version: 1 })), 'version: expected string, got number'],
    ['an oversized message', new Uint8Array(1024 * 1024 + 1), 'more than 1048576'],
  ])('decodes %s to a reason', (_label, bytes, reason) => {
    expect(reasonFor(bytes)).toContain(reason);
  });

  it('decodes as a tolerant reader: foreign forms that the encoder refuses still decode', () => {
    const foreign = { ...valid, id: 'evt-42', type: 'Foo', timestamp: '2026-06-21T19:46:43.123456+00:00' };
    expect(() => encodeEnvelope(foreign)).toThrow(EnvelopeError);
    expect(decodeEnvelope(utf8(JSON.stringify(foreign)))).toEqual({ ok: true, envelope: foreign });
  });

  it('drops a __proto__ key like any unknown top-level field, never using it as a prototype', () => {
    const text = JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"polluted":true},');
    const result = decodeEnvelope(utf8(text));
    expect(result).toEqual({ ok: true, envelope: valid });
    expect(result.ok && Object.getPrototypeOf(result.envelope)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        const result = decodeEnvelope(bytes);
        return result.ok || result.reason.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JSON text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string()), (text) => {
        const result = decodeEnvelope(utf8(text));
        return result.ok || result.reason.length > 0;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on a valid envelope with one byte changed', () => {
    fc.assert(
      fc.property(envelopeArb, fc.nat(), fc.integer({ min: 0, max: 255 }), (envelope, at, byte) => {
        const bytes = encodeEnvelope(envelope);
        bytes[at % bytes.length] = byte;
        const result = decodeEnvelope(bytes);
        return result.ok || result.reason.length > 0;
      }),
    );
  });
});
