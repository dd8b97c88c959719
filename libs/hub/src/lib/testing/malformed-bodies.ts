// Request bodies that are broken below the JSON value: malformed JSON text, a
// wrong content type or encoding, and JSON that tries prototype pollution.
import fc from 'fast-check';
import type { FuzzBody } from './openapi-fuzz';

export const MALFORMED_JSON = [
  '{"slug": "x",',
  '{',
  '[',
  '{"a":1}}',
  "{'a': 1}",
  'nul',
  '\uFEFF{}',
  '{"a": 1e999999}',
  '{"a":"\\ud800"}',
  '{"a": "\\x41"}',
  `{"a":${'['.repeat(5_000)}`,
  '',
  ' ',
];

const WRONG_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'application/xml',
  'multipart/form-data; boundary=zzz',
  'application/json; charset=utf-16',
  'application/json; charset=ebcdic',
  'application/vnd.api+json',
];

/** A raw body of one of the kinds above; `valid` gives realistic JSON text to mislabel. */
export function malformedBody(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<FuzzBody> {
  const json = (text: string, extra: Partial<Extract<FuzzBody, { kind: 'raw' }>> = {}): FuzzBody => ({
    kind: 'raw',
    contentType: 'application/json',
    text,
    ...extra,
  });
  return fc.oneof(
    fc.constantFrom(...MALFORMED_JSON).map((text) => json(text)),
    fc
      .tuple(valid, fc.constantFrom(...WRONG_CONTENT_TYPES))
      .map(([v, contentType]) => json(JSON.stringify(v), { contentType })),
    fc
      .tuple(valid, fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'x-unknown'))
      .map(([v, contentEncoding]) => json(JSON.stringify(v), { contentEncoding })),
    valid.map((v) => json(`{"__proto__": {"polluted": "yes"}, ${JSON.stringify(v).slice(1)}`.replace(', }', '}'))),
    valid.map((v) => json(JSON.stringify({ ...v, constructor: { prototype: { polluted: 'yes' } } }))),
  );
}
