import { parseWithSchema } from './parse-with-schema';
import { attributesSchema } from './json-attributes';

const errorsFor = (value: unknown) => {
  const result = parseWithSchema(attributesSchema, value, 'attributes');
  return result.ok ? [] : result.errors;
};

describe('attributesSchema', () => {
  it('accepts JSON objects with snake_case top-level keys and any nested keys', () => {
    expect(errorsFor({})).toEqual([]);
    expect(errorsFor({ a: 1, b_2: [true, null, 'x', { 'Any Key': -1.5 }] })).toEqual([]);
    expect(errorsFor(Object.assign(Object.create(null) as object, { a: 1 }))).toEqual([]);
  });

  it('names the path of a value that is not JSON', () => {
    expect(errorsFor({ a: { b: [1, undefined] } })).toEqual(['attributes.a.b.1: must be a JSON value, got undefined']);
    expect(errorsFor({ n: NaN })).toEqual(['attributes.n: must be a finite number, got NaN']);
    expect(errorsFor({ big: 10n })).toEqual(['attributes.big: must be a JSON value, got bigint']);
    expect(errorsFor({ when: new Date(0) })).toEqual(['attributes.when: must be a plain JSON object']);
    expect(errorsFor({ fn: () => 1 })).toEqual(['attributes.fn: must be a JSON value, got function']);
  });

  it('treats holes in arrays as undefined', () => {
    // eslint-disable-next-line no-sparse-arrays
    expect(errorsFor({ list: [1, , 3] })).toEqual(['attributes.list.1: must be a JSON value, got undefined']);
  });

  it('refuses too deep or cyclic values instead of overflowing the stack', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 10_000; i += 1) deep = [deep];
    expect(errorsFor({ deep })[0]).toMatch(/^attributes\.deep(\.0)+: nests deeper than 32 levels$/);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(errorsFor({ cyclic })[0]).toContain('nests deeper than 32 levels');
  });

  it('refuses over-long keys', () => {
    expect(errorsFor({ ['a'.repeat(101)]: 1 })[0]).toMatch(/: key must be at most 100 characters$/);
  });
});
