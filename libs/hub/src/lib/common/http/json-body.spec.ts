import { gzipSync } from 'node:zlib';
import { bodyLimitBytes, readBody } from './json-body';

const JSON_HEADERS = { 'content-type': 'application/json' };
const read = (text: string | Buffer, headers: object = JSON_HEADERS, limit = 1024) =>
  readBody(Buffer.from(text), headers, limit, false);

describe('readBody', () => {
  it('parses a JSON object or array, after whitespace or a byte-order mark', () => {
    expect(read('  {"a":1}')).toEqual({ a: 1 });
    expect(read('\uFEFF[1,2]')).toEqual([1, 2]);
    expect(read('')).toEqual({});
  });

  it.each(['true', '"text"', '42', 'null', '{"a":'])(
    'refuses %s as JSON with a 400 (objects and arrays only)',
    (text) => {
      expect(() => read(text)).toThrow(
        expect.objectContaining({
          type: 'entity.parse.failed',
          status: 400,
          message: 'request body is not valid JSON',
        }),
      );
    },
  );

  it('keeps a __proto__ key as data, never as the prototype', () => {
    const body = read('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('leaves a body of another type out, and keeps a raw body as its bytes', () => {
    expect(read('a=1', { 'content-type': 'application/x-www-form-urlencoded' })).toBeUndefined();
    expect(read('{}', {})).toBeUndefined();
    const bytes = Buffer.from('{"zen":"x"}');
    expect(readBody(bytes, JSON_HEADERS, 1024, true)).toBe(bytes);
    expect(readBody(gzipSync(bytes), { ...JSON_HEADERS, 'content-encoding': 'gzip' }, 1024, true)).toEqual(bytes);
  });

  it('reads application/json in any case, with parameters, in UTF-8 only, and no other type', () => {
    for (const type of ['APPLICATION/JSON', 'application/json; charset=utf-8', 'application/json;charset="UTF8"']) {
      expect(read('{"a":1}', { 'content-type': type })).toEqual({ a: 1 });
    }
    for (const type of ['application/jsonp', 'application/json-seq', 'text/json']) {
      expect(read('{"a":1}', { 'content-type': type })).toBeUndefined();
    }
    expect(() => read('{"a":1}', { 'content-type': 'application/json; charset=latin1' })).toThrow(
      expect.objectContaining({ type: 'charset.unsupported', status: 415, message: 'unsupported charset "LATIN1"' }),
    );
  });

  it('reads a body without an encoding, or named identity, as it is, and refuses an encoding it cannot inflate', () => {
    for (const encoding of ['identity', ' Identity ', '']) {
      expect(read('[1]', { ...JSON_HEADERS, 'content-encoding': encoding })).toEqual([1]);
    }
    expect(() => read('[1]', { ...JSON_HEADERS, 'content-encoding': 'compress' })).toThrow(
      expect.objectContaining({ type: 'encoding.unsupported', status: 415 }),
    );
  });

  it('inflates gzip up to the limit, and answers 413 past it', () => {
    expect(read(gzipSync('{"a":"b"}'), { ...JSON_HEADERS, 'content-encoding': 'GZIP' })).toEqual({ a: 'b' });
    const big = gzipSync(JSON.stringify({ a: 'x'.repeat(2048) }));
    expect(() => read(big, { ...JSON_HEADERS, 'content-encoding': 'gzip' })).toThrow(
      expect.objectContaining({ type: 'entity.too.large', status: 413 }),
    );
  });
});

describe('bodyLimitBytes', () => {
  it.each([
    ['100b', 100],
    ['512kb', 512 * 1024],
    ['1MB', 1024 * 1024],
  ])('reads %s as %d bytes', (limit, bytes) => expect(bodyLimitBytes(limit)).toBe(bytes));

  it('refuses a size it cannot read', () => {
    expect(() => bodyLimitBytes('lots')).toThrow("BODY_LIMIT must be a size such as '512kb' or '1mb', not 'lots'");
  });
});
