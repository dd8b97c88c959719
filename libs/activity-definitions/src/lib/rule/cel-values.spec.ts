import { parse, plan } from '@bufbuild/cel';
import { RULE_ENVIRONMENT } from './rule-environment';
import { celTimestamp, fromCelValue, toCelInput } from './cel-values';

function evaluate(expression: string, variables: Record<string, unknown> = {}): unknown {
  const program = plan(RULE_ENVIRONMENT, parse(expression));
  const bound = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, toCelInput(v)]));
  return fromCelValue(program(bound));
}

describe('CEL values', () => {
  it('round-trips JSON data', () => {
    const data = { a: [1, 'two', true, null], b: { c: 1.5 } };
    expect(evaluate('x', { x: data })).toEqual(data);
  });

  it('turns CEL ints into numbers, and huge ones into strings', () => {
    expect(evaluate('1 + 2')).toBe(3);
    expect(evaluate('9223372036854775807')).toBe('9223372036854775807');
    expect(evaluate('7u')).toBe(7);
  });

  it('treats a $typeName key as plain data, not a message', () => {
    expect(evaluate("x['$typeName']", { x: { $typeName: 'google.protobuf.Timestamp' } })).toBe(
      'google.protobuf.Timestamp',
    );
  });

  it('renders timestamps and durations readably', () => {
    expect(evaluate('now', { now: new Date('2026-01-01T00:00:00.250Z') })).toBe('2026-01-01T00:00:00.250Z');
    expect(evaluate("duration('90s')")).toBe('90s');
  });

  it('drops undefined fields and non-data values', () => {
    expect(toCelInput({ a: undefined, b: () => 1 })).toEqual(new Map([['b', null]]));
  });

  it('makes a protobuf Timestamp for dates before 1970 too', () => {
    expect(celTimestamp(new Date(-1500))).toEqual({
      $typeName: 'google.protobuf.Timestamp',
      seconds: -2n,
      nanos: 500_000_000,
    });
  });

  it('turns bytes into base64', () => {
    expect(evaluate("b'hi'")).toBe('aGk=');
  });
});
