import { attributeText, compileAttributeGlob } from './attribute-glob';

describe('compileAttributeGlob', () => {
  it.each([
    ['*', 'anything/at/all', true],
    ['*', '', true],
    ['state-*', 'state-hub', true],
    ['state-*', 'the-state-hub', false],
    ['refs/heads/*', 'refs/heads/feature/x', true],
    ['refs/heads/main', 'refs/heads/main', true],
    ['refs/heads/main', 'refs/heads/mainline', false],
    ['v?', 'v1', true],
    ['{main,develop}', 'develop', true],
    ['[a-c]*', 'beta', true],
    ['*.yaml', '.hidden.yaml', true],
  ])('%s against %j -> %s', (glob, value, expected) => {
    expect(compileAttributeGlob(glob)(value)).toBe(expected);
  });
});

describe('attributeText', () => {
  it('gives strings as they are and other scalars as text', () => {
    expect(attributeText('x')).toBe('x');
    expect(attributeText(42)).toBe('42');
    expect(attributeText(false)).toBe('false');
    expect(attributeText({ a: 1 })).toBe('{"a":1}');
  });

  it('treats null and undefined as absent', () => {
    expect(attributeText(null)).toBeUndefined();
    expect(attributeText(undefined)).toBeUndefined();
  });
});
