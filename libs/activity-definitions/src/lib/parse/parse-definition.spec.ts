import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { SWEEP_ENV as ENV, SWEEP_TEXT as SWEEP } from '../../testing/sweep-definition';
import { parseDefinition } from './parse-definition';
import type { ParseResult } from './loaded-definition';

function parse(text: string, env: Record<string, string | undefined> = ENV): ParseResult {
  return parseDefinition(text, { path: 'defs/sweep.yaml', env });
}

describe('parseDefinition: a valid file', () => {
  const result = parse(SWEEP);

  it('loads with defaults applied and variables substituted', () => {
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const { definition } = result;
    expect(definition.id).toBe('the-custodian.state-hub-consistency-sweep');
    expect(definition.sourcePath).toBe('defs/sweep.yaml');
    expect(definition.enabled).toBe(true);
    expect(definition.definition.trigger).toEqual({
      trigger_type: 'cron',
      cron_expression: '*/15 * * * *',
      timezone: 'UTC',
      misfire_policy: 'skip',
    });
    expect(definition.definition.context?.[0]).toMatchObject({
      url: 'http://hub:3000/state/health',
      timeout_seconds: 5,
    });
    expect(definition.definition.instruction).toMatchObject({
      url: 'http://hub:3000/consistency/sweep/remote-all',
      on_failure: 'log_and_continue',
    });
    expect(result.warnings).toEqual([]);
  });

  it('hashes the raw text, compiles the rule and the schedule', () => {
    if (!result.ok) throw new Error('expected ok');
    expect(result.definition.contentHash).toBe(createHash('sha256').update(SWEEP).digest('hex'));
    expect(result.definition.rule.when).toEqual(["hub_health.status == 'ok'"]);
    expect(result.definition.cron?.nextSlot(new Date('2026-01-01T00:01:00Z'))?.toISOString()).toBe(
      '2026-01-01T00:15:00.000Z',
    );
  });

  it('freezes the definition', () => {
    if (!result.ok) throw new Error('expected ok');
    expect(Object.isFrozen(result.definition.definition.trigger)).toBe(true);
  });

  it('has an empty rule and no cron for a manual definition without rule', () => {
    const manual = parse(
      'id: m\ntrigger: { trigger_type: manual }\ninstruction: { kind: publish, event_type: org.x.thing.done, attributes: {} }\n',
    );
    expect(manual.ok && manual.definition.rule).toEqual({ when: [], expressions: [] });
    expect(manual.ok && manual.definition.cron).toBeUndefined();
  });
});

describe('parseDefinition never throws', () => {
  it('on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        const result = parse(text);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('on arbitrary YAML-shaped values', () => {
    const key = fc.constantFrom(
      'id',
      'trigger',
      'instruction',
      'rule',
      'when',
      'kind',
      'trigger_type',
      '__proto__',
      'x',
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(typeof parse(JSON.stringify(v)).ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
});
