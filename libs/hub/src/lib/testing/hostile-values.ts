// fast-check arbitraries of the values an attacker or a broken client sends:
// SQL and path-traversal strings, awkward unicode, huge strings, wrong types,
// deep nesting. Test-only; used by openapi-fuzz.ts.
import fc from 'fast-check';

export const SQL_STRINGS = [
  "' OR 1=1 --",
  "'; DROP TABLE repos; --",
  '1; SELECT pg_sleep(10) --',
  '" OR ""="',
  "%' AND 1=CAST((SELECT version()) AS int) --",
  "x' UNION SELECT NULL, NULL --",
  '$1',
  "E'\\x27'",
];

export const TRAVERSAL_STRINGS = [
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '/etc/passwd',
  '..\\..\\windows\\win.ini',
  '....//....//etc/passwd',
  '%2e%2e%2f%2e%2e%2f',
  'file:///etc/passwd',
  '..',
];

export const UNICODE_STRINGS = [
  '😀🚀👩‍👩‍👧',
  'שלום עולם',
  'abc\u202Eexe.txt',
  '\uD800',
  'x\uDC00y',
  'e\u0301',
  '\uFEFFbom',
  'zero\u200Bwidth',
  'Ｓｌｕｇ',
  'İstanbul',
  'a\u0000b',
  '\u0000',
  'line\r\nbreak',
  '\u001b[31mred',
];

export const ODD_STRINGS = [
  '',
  ' ',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  'NaN',
  'Infinity',
  '1e309',
  '9007199254740993',
  '0x10',
  '1.5',
  '<script>alert(1)</script>',
  '${7*7}{{7*7}}',
  '__proto__',
  'constructor',
];

/** Sizes of huge strings; the largest is about 200 KB of UTF-8. */
const HUGE_SIZES = [1_000, 70_000, 200_000];

/** A huge string of one repeated character (ascii, 2-byte, 4-byte emoji). */
export function hugeString(maxBytes = 200_000): fc.Arbitrary<string> {
  return fc
    .record({
      size: fc.constantFrom(...HUGE_SIZES.filter((s) => s < maxBytes), maxBytes),
      unit: fc.constantFrom('x', 'é', '😀'),
    })
    .map(({ size, unit }) => unit.repeat(Math.max(1, Math.floor(size / Buffer.byteLength(unit)))));
}

/** Any hostile string; `maxBytes` bounds the huge ones (URLs must stay under Node's 16 KB header limit). */
export function hostileString(maxBytes = 200_000): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constantFrom(...SQL_STRINGS),
    fc.constantFrom(...TRAVERSAL_STRINGS),
    fc.constantFrom(...UNICODE_STRINGS),
    fc.constantFrom(...ODD_STRINGS),
    fc.string({ unit: 'binary', maxLength: 40 }),
    hugeString(maxBytes),
  );
}

/** Nested arrays or objects `depth` levels deep (stack-hungry validators and parsers). */
export function deeplyNested(): fc.Arbitrary<unknown> {
  return fc
    .record({ depth: fc.constantFrom(50, 2_000), kind: fc.constantFrom('array', 'object') })
    .map(({ depth, kind }) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
      return value;
    });
}

/** A JSON value of any type that is rarely what a field wants. */
export function hostileValue(): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: hostileString(), weight: 4 },
    { arbitrary: fc.constant(null), weight: 2 },
    { arbitrary: fc.constantFrom(0, -1, 1.5, 1e308, -1e308, 2 ** 53 + 2, 100_001), weight: 1 },
    { arbitrary: fc.boolean(), weight: 1 },
    { arbitrary: fc.constantFrom<unknown>([], {}, [null], { $gt: '' }, ['a', 'b']), weight: 1 },
    { arbitrary: fc.dictionary(fc.string({ maxLength: 6 }), hostileString(1_000), { maxKeys: 3 }), weight: 1 },
    { arbitrary: deeplyNested(), weight: 1 },
  );
}

/** A value of a JSON type other than the schema's `type` (string, integer, number, boolean, object, array). */
export function wrongTypeFor(type: string | undefined): fc.Arbitrary<unknown> {
  const byType: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.constantFrom<unknown>(42, true, ['x'], { x: 'y' }),
    integer: fc.constantFrom<unknown>('12', 1.5, true, [1], { n: 1 }, 1e21),
    number: fc.constantFrom<unknown>('1', true, [1], { n: 1 }),
    boolean: fc.constantFrom<unknown>('true', 1, 0, 'yes', [true]),
    object: fc.constantFrom<unknown>('{}', 1, true, [1, 2], ['a']),
    array: fc.constantFrom<unknown>('[]', 1, { a: 1 }),
  };
  return byType[type ?? ''] ?? fc.constantFrom<unknown>(42, true, ['x'], { x: 'y' });
}

/** Query-string values that are wrong for numbers, enums, dates and ids. */
export const ODD_QUERY_VALUES = [
  '-1',
  '0',
  '201',
  '1e309',
  '99999999999999999999999',
  'NaN',
  '1.5',
  '0x10',
  ' 5',
  '',
  'Infinity',
  '-0',
  'ACTIVE',
  '2026-13-45T99:99:99Z',
  '0000-00-00',
  'not-a-uuid',
];
