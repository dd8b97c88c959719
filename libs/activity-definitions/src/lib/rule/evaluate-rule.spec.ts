import { SUBJECTS } from '@state-hub/subjects';
import { compileRule } from './compile-rule';
import { evaluateRule, type RuleInput } from './evaluate-rule';

const NOW = new Date('2026-03-01T10:30:00Z');

function input(overrides: Partial<RuleInput> = {}): RuleInput {
  return { event: null, bindings: {}, now: NOW, ...overrides };
}

describe('evaluateRule', () => {
  it('passes when there is nothing to check', () => {
    expect(evaluateRule(compileRule([]), input())).toEqual({ passed: true, checks: [] });
  });

  it('passes when every expression is true, recording each value', () => {
    const rule = compileRule(["hub_health.status == 'ok'", 'event == null'], { bindings: ['hub_health'] });
    const outcome = evaluateRule(rule, input({ bindings: { hub_health: { status: 'ok', db: 'up' } } }));
    expect(outcome).toEqual({
      passed: true,
      checks: [
        { expression: "hub_health.status == 'ok'", value: true },
        { expression: 'event == null', value: true },
      ],
    });
  });

  it('declines at the first false expression, naming it', () => {
    const rule = compileRule(["hub_health.status == 'ok'", 'true'], { bindings: ['hub_health'] });
    const outcome = evaluateRule(rule, input({ bindings: { hub_health: { status: 'degraded' } } }));
    expect(outcome.passed).toBe(false);
    expect(outcome.reason).toBe(`"hub_health.status == 'ok'" is false`);
    expect(outcome.checks).toEqual([{ expression: "hub_health.status == 'ok'", value: false }]);
  });

  it('declines when an expression is not a boolean', () => {
    const rule = compileRule(['hub_health.count'], { bindings: ['hub_health'] });
    const outcome = evaluateRule(rule, input({ bindings: { hub_health: { count: 3 } } }));
    expect(outcome).toEqual({
      passed: false,
      checks: [{ expression: 'hub_health.count', value: 3 }],
      reason: '"hub_health.count" returned 3, not a boolean',
    });
  });

  it('declines when evaluation fails, with the CEL error', () => {
    const rule = compileRule(['event.attributes.repo.missing == 1'], { bindings: [] });
    const event = { type: SUBJECTS.commitPushed, attributes: { repo: {} } };
    const outcome = evaluateRule(rule, input({ event }));
    expect(outcome).toEqual({
      passed: false,
      checks: [{ expression: 'event.attributes.repo.missing == 1', error: 'field not found: missing' }],
      reason: '"event.attributes.repo.missing == 1" failed: field not found: missing',
    });
  });

  describe('an event without an attribute the rule reads (another publisher)', () => {
    const event = { type: SUBJECTS.repoRegistered, attributes: { repo_slug: 'seeds', extra_attr: 1 } };

    it.each([
      "event.attributes.default_branch == 'main'",
      "event.attributes['default_branch'] == 'main'",
      "event.attributes.repo_slug == 'seeds' && event.attributes.default_branch.startsWith('m')",
    ])('declines %j with a reason naming the attribute', (expression) => {
      const outcome = evaluateRule(compileRule([expression], { bindings: [] }), input({ event }));
      expect(outcome.passed).toBe(false);
      expect(outcome.checks[0].error).toBe('field not found: default_branch');
      expect(outcome.reason).toBe(
        `${JSON.stringify(expression)} declined: the event has no attribute default_branch ` +
          '(test for it with has(event.attributes.default_branch))',
      );
    });

    it('lets has() test for it, and sees unknown attributes as sent', () => {
      const rule = compileRule(
        [
          "!has(event.attributes.default_branch) || event.attributes.default_branch == 'main'",
          'event.attributes.extra_attr == 1',
        ],
        { bindings: [] },
      );
      expect(evaluateRule(rule, input({ event })).passed).toBe(true);
    });
  });

  describe('a context source that failed', () => {
    const failed = { hub_health: { error: 'connect ECONNREFUSED 127.0.0.1:3000' } };
    const unavailable = { hub_health: { error: 'HTTP 503', status: 503 } };

    it('can be tested with has()', () => {
      const rule = compileRule(['!has(hub_health.error)'], { bindings: ['hub_health'] });
      expect(evaluateRule(rule, input({ bindings: failed })).passed).toBe(false);
      expect(evaluateRule(rule, input({ bindings: { hub_health: { status: 'ok' } } })).passed).toBe(true);
    });

    it("makes hub_health.status == 'ok' decline rather than crash", () => {
      const rule = compileRule(["hub_health.status == 'ok'"], { bindings: ['hub_health'] });
      expect(evaluateRule(rule, input({ bindings: unavailable }))).toMatchObject({ passed: false });
      expect(evaluateRule(rule, input({ bindings: failed }))).toMatchObject({ passed: false });
    });

    it('exposes the HTTP status for rules that care', () => {
      const rule = compileRule(['hub_health.status == 503'], { bindings: ['hub_health'] });
      expect(evaluateRule(rule, input({ bindings: unavailable })).passed).toBe(true);
    });
  });

  it('reads event attributes and compares JSON numbers with integer literals', () => {
    const rule = compileRule(["event.attributes.repo_slug.startsWith('state-')", 'event.attributes.count >= 2'], {
      bindings: [],
    });
    const event = { type: SUBJECTS.commitPushed, attributes: { repo_slug: 'state-hub', count: 2 } };
    expect(evaluateRule(rule, input({ event })).passed).toBe(true);
  });

  it('binds now as a timestamp', () => {
    const rule = compileRule([
      "now == timestamp('2026-03-01T10:30:00Z')",
      'now.getHours() == 10',
      "now - duration('1h') > timestamp('2026-03-01T09:00:00Z')",
    ]);
    expect(evaluateRule(rule, input()).passed).toBe(true);
  });

  it('never lets a binding shadow event or now', () => {
    const rule = compileRule(['event == null']);
    expect(evaluateRule(rule, input({ bindings: { event: { x: 1 } } })).passed).toBe(true);
  });

  it('turns an exception from an evaluator into a failed check', () => {
    const rule = {
      when: ['boom'],
      expressions: [
        {
          expression: 'boom',
          evaluate: () => {
            throw new Error('kaput');
          },
        },
      ],
    };
    expect(evaluateRule(rule, input())).toEqual({
      passed: false,
      checks: [{ expression: 'boom', error: 'kaput' }],
      reason: '"boom" failed: kaput',
    });
  });
});
