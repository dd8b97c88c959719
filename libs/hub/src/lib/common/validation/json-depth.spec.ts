// The depth check names the top-level field that nests too deep, and stops at the limit: it cannot overflow on
// the bodies it guards against.
import { BadRequestException } from '@nestjs/common';
import { MAX_JSON_DEPTH, refuseTooDeepBody, tooDeepField } from './json-depth';

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

describe('tooDeepField', () => {
  it('accepts flat values and nesting up to the limit', () => {
    expect(tooDeepField('text')).toBeUndefined();
    expect(tooDeepField(null)).toBeUndefined();
    expect(tooDeepField({ a: 1, b: [1, { c: 2 }] })).toBeUndefined();
    expect(tooDeepField(nested(MAX_JSON_DEPTH, 'object'))).toBeUndefined();
  });

  it('names the top-level field of a body nested one level too deep', () => {
    expect(tooDeepField({ ok: 1, detail: nested(MAX_JSON_DEPTH, 'array') })).toBe('detail');
    expect(tooDeepField(nested(MAX_JSON_DEPTH + 1, 'object'))).toBe('a');
  });

  it('says the body itself for a top-level array, and survives 100,000 levels', () => {
    expect(tooDeepField(nested(100_000, 'array'))).toBe('');
    expect(tooDeepField({ deep: nested(100_000, 'object') })).toBe('deep');
  });

  it('names the first deep field of a wide body, parsed keys such as __proto__ included', () => {
    const wide = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, nested(10, 'object')]));
    expect(tooDeepField(wide)).toBeUndefined();
    expect(tooDeepField({ ...wide, late: nested(MAX_JSON_DEPTH, 'object'), later: nested(100, 'array') })).toBe('late');
    const parsed = JSON.parse(`{"ok":1,"__proto__":${JSON.stringify(nested(MAX_JSON_DEPTH, 'array'))}}`);
    expect(tooDeepField(parsed)).toBe('__proto__');
    expect(tooDeepField(parsed, MAX_JSON_DEPTH + 1)).toBeUndefined();
  });

  it('takes only a whole-number limit it can walk to without overflowing', () => {
    const deep = nested(100_000, 'array');
    for (const limit of [Infinity, NaN, 1.5, 1001]) {
      expect(() => tooDeepField(deep, limit)).toThrow(RangeError);
    }
    expect(tooDeepField(deep, 1000)).toBe('');
    expect(tooDeepField({ a: 1 }, 0)).toBe('');
  });
});

describe('refuseTooDeepBody', () => {
  it('refuses a deep body with a 400 that names the field', () => {
    const run = () => refuseTooDeepBody({ extra: nested(100, 'object') });
    expect(run).toThrow(BadRequestException);
    expect(run).toThrow('extra is nested deeper than 64 levels');
  });

  it('passes a body nested up to the limit', () => {
    expect(() => refuseTooDeepBody({ a: [1, 2] })).not.toThrow();
    expect(() => refuseTooDeepBody(nested(MAX_JSON_DEPTH, 'object'))).not.toThrow();
  });
});
