import { readRule } from './run-rule';

describe('readRule', () => {
  it('lists each check with its value as JSON', () => {
    expect(
      readRule({
        passed: true,
        checks: [
          { expression: "hub.status == 'ok'", value: true },
          { expression: 'n', value: { a: 1 } },
        ],
      }),
    ).toEqual({
      passed: true,
      reason: undefined,
      checks: [
        { expression: "hub.status == 'ok'", value: 'true', error: undefined },
        { expression: 'n', value: '{"a":1}', error: undefined },
      ],
    });
  });

  it('keeps the reason and the error of a declined check', () => {
    expect(
      readRule({ passed: false, reason: 'rule declined', checks: [{ expression: 'x.y', error: 'no such key: y' }] }),
    ).toEqual({
      passed: false,
      reason: 'rule declined',
      checks: [{ expression: 'x.y', value: undefined, error: 'no such key: y' }],
    });
  });

  it('reads no rule (a definition without one) and a shape it does not know as undefined', () => {
    expect(readRule(null)).toBeUndefined();
    expect(readRule({ outcome: 'yes' })).toBeUndefined();
  });
});
