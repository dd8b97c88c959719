import { z } from 'zod';
import { formatIssues, pathToString, previewValue } from './readable-issues';

describe('previewValue', () => {
  it('quotes strings, escaping control characters, and names other kinds', () => {
    expect(previewValue('Foo')).toBe("'Foo'");
    expect(previewValue('a\nb')).toBe("'a\\nb'");
    expect(previewValue(null)).toBe('null');
    expect(previewValue([1])).toBe('array');
    expect(previewValue(NaN)).toBe('NaN');
    expect(previewValue(undefined)).toBe('undefined');
  });

  it('truncates long strings', () => {
    expect(previewValue('x'.repeat(1000))).toBe(`'${'x'.repeat(57)}...'`);
  });
});

describe('pathToString', () => {
  it('joins plain keys with dots and quotes odd ones', () => {
    expect(pathToString(['attributes', 'repo_slug'])).toBe('attributes.repo_slug');
    expect(pathToString(['attributes', 'list', 3])).toBe('attributes.list.3');
    expect(pathToString(['', 'a.b', 'sp ace'])).toBe('""."a.b"."sp ace"');
    expect(pathToString([])).toBe('value');
  });
});

describe('formatIssues', () => {
  it('prefixes paths and splits unknown keys into one line each', () => {
    const result = z.strictObject({ a: z.string() }).safeParse({ a: 1, b: 2, c: 3 });
    expect(result.success).toBe(false);
    expect(formatIssues(result.error?.issues ?? [], ['attributes'])).toEqual([
      'attributes.a: Invalid input: expected string, received number',
      'attributes.b: unknown field',
      'attributes.c: unknown field',
    ]);
  });
});
