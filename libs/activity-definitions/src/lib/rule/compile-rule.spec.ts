import { compileExpression, compileRule, RuleCompileError } from './compile-rule';

describe('compileExpression', () => {
  it('compiles an expression over bindings, event and now', () => {
    const result = compileExpression("hub_health.status == 'ok' && now > timestamp('2020-01-01T00:00:00Z')", {
      bindings: ['hub_health'],
    });
    expect(result.ok).toBe(true);
  });

  it('reports a syntax error with its column', () => {
    expect(compileExpression('1 +')).toEqual({
      ok: false,
      message: expect.stringMatching(/^invalid CEL at column 3: /),
    });
  });

  it('refuses variables that will never be bound, naming the ones that will', () => {
    expect(compileExpression("hub_helth.status == 'ok'", { bindings: ['hub_health'] })).toEqual({
      ok: false,
      message: 'unknown variable "hub_helth"; rules can use event, now, hub_health',
    });
  });

  it('does not check variables when no bindings are declared', () => {
    expect(compileExpression('anything.goes == 1').ok).toBe(true);
  });

  it('lets comprehension variables through', () => {
    const result = compileExpression("event.attributes.tags.exists(t, t == 'x') && [1, 2].all(n, n > 0)", {
      bindings: [],
    });
    expect(result.ok).toBe(true);
  });

  it('refuses unknown functions, and macros used wrongly', () => {
    expect(compileExpression('frobnicate(1)')).toEqual({ ok: false, message: 'unknown function "frobnicate"' });
    expect(compileExpression('has(event)', { bindings: [] })).toEqual({ ok: false, message: 'unknown function "has"' });
  });

  it('knows the string extensions', () => {
    expect(compileExpression("event.type.lowerAscii().startsWith('org.')", { bindings: [] }).ok).toBe(true);
  });

  it('evaluates constant expressions at compile time (type errors, non-booleans)', () => {
    expect(compileExpression("1 + 'a'")).toEqual({
      ok: false,
      message: expect.stringContaining('no matching overload'),
    });
    expect(compileExpression("'yes'")).toEqual({ ok: false, message: 'always evaluates to "yes", not a boolean' });
    expect(compileExpression('false').ok).toBe(true);
  });
});

describe('compileRule', () => {
  it('keeps the expressions in order', () => {
    const rule = compileRule(['true', 'event == null'], { bindings: [] });
    expect(rule.when).toEqual(['true', 'event == null']);
    expect(rule.expressions.map((e) => e.expression)).toEqual(rule.when);
  });

  it('throws RuleCompileError naming every broken expression', () => {
    let caught: unknown;
    try {
      compileRule(['true', '1 +', 'nope(1)']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RuleCompileError);
    const error = caught as RuleCompileError;
    expect(error.failures.map((f) => f.index)).toEqual([1, 2]);
    expect(error.message).toContain('rule.when[1] "1 +": invalid CEL at column 3');
    expect(error.message).toContain('rule.when[2] "nope(1)": unknown function "nope"');
  });

  it('an empty list compiles to a rule that has nothing to check', () => {
    expect(compileRule([])).toEqual({ when: [], expressions: [] });
  });
});
