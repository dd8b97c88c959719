import { SWEEP_ENV as ENV, SWEEP_TEXT as SWEEP } from '../../testing/sweep-definition';
import { parseDefinition } from './parse-definition';
import type { ParseResult } from './loaded-definition';

function parse(text: string, env: Record<string, string | undefined> = ENV): ParseResult {
  return parseDefinition(text, { path: 'defs/sweep.yaml', env });
}

/** The problems as `line:col message`, for compact assertions. */
function problems(text: string, env?: Record<string, string | undefined>): string[] {
  const result = parse(text, env);
  if (result.ok) throw new Error('expected problems');
  return result.problems.map((p) => `${p.line}:${p.column} ${p.message}`);
}

describe('parseDefinition: problems carry the line of the offending field', () => {
  it('YAML syntax errors', () => {
    expect(problems('id: x\ntrigger:\n  trigger_type: cron\n  bad: [1, 2\n')).toEqual([
      expect.stringMatching(/^5:1 invalid YAML: Flow sequence .* must .* end with a \]/),
    ]);
    expect(problems('id: a\nid: b\n')).toEqual([expect.stringMatching(/^2:1 invalid YAML: Map keys must be unique/)]);
  });

  it('an unknown key, at the key (and the field it lacks, at its parent)', () => {
    const text = SWEEP.replace('  cron_expression:', '  cron_expresion:');
    expect(problems(text)).toEqual([
      '3:1 trigger.cron_expression: required',
      '5:3 trigger.cron_expresion: unknown field',
    ]);
  });

  it('a bad cron expression', () => {
    expect(problems(SWEEP.replace('*/15 * * * *', '*/99 * * * *'))).toEqual([
      expect.stringMatching(/^5:20 trigger.cron_expression: invalid cron expression "\*\/99 \* \* \* \*": /),
    ]);
  });

  it('a bad timezone', () => {
    const text = SWEEP.replace(
      '  cron_expression: "*/15 * * * *"',
      '  cron_expression: "*/15 * * * *"\n  timezone: Mars/Base',
    );
    expect(problems(text)).toEqual(['6:13 trigger.timezone: unknown IANA timezone "Mars/Base"']);
  });

  it('bad CEL: syntax, unknown variable', () => {
    const text = SWEEP.replace(
      `    - "hub_health.status == 'ok'"`,
      `    - "hub_health.status =="\n    - "hub_helth.ok"`,
    );
    expect(problems(text)).toEqual([
      expect.stringMatching(/^12:7 rule.when\[0\]: invalid CEL at column \d+: /),
      '13:7 rule.when[1]: unknown variable "hub_helth"; rules can use event, now, hub_health',
    ]);
  });

  it('an unset variable, naming variable and field', () => {
    expect(problems(SWEEP, {})).toEqual([
      '8:10 context[0].url: environment variable STATE_HUB_URL is not set',
      '16:8 instruction.url: environment variable STATE_HUB_URL is not set',
    ]);
  });

  it('a wrong discriminator and a missing field, at the parent key', () => {
    expect(problems('id: x\ntrigger:\n  trigger_type: crn\ninstruction:\n  kind: shell\n  cmd: ls\n')).toEqual([
      `3:17 trigger.trigger_type: must be one of 'cron', 'event', 'manual', got "crn"`,
      '4:1 instruction.timeout_seconds: required',
    ]);
  });

  it('missing top-level fields', () => {
    expect(problems('# nothing but\nid: x\n')).toEqual(['2:1 trigger: required', '2:1 instruction: required']);
  });

  it('a file that is not one mapping', () => {
    expect(problems('')).toEqual([
      '1:1 a definition file holds one mapping (id, trigger, instruction, …), got an empty file',
    ]);
    expect(problems('- a\n- b\n')).toEqual([
      '1:1 a definition file holds one mapping (id, trigger, instruction, …), got a list',
    ]);
    expect(problems('id: a\n---\nid: b\n')).toEqual([
      expect.stringMatching(/^2:1 invalid YAML: Source contains multiple documents/),
    ]);
  });

  it('schema and compile problems together, in line order', () => {
    const text = SWEEP.replace('*/15 * * * *', '*/99 * * * *').replace('method: POST', 'method: FETCH');
    expect(problems(text).map((p) => p.split(' ')[0])).toEqual(['5:20', '15:11']);
  });

  it('a definition that would trigger itself', () => {
    const text =
      'id: loop\ntrigger: { trigger_type: event, event_type: "org.statehub.>" }\ninstruction: { kind: publish, event_type: org.statehub.task.stale, attributes: {} }\n';
    expect(problems(text)).toEqual([
      expect.stringContaining('instruction.event_type: publishing "org.statehub.task.stale" would trigger'),
    ]);
  });

  it('an event type outside the catalog is only a warning', () => {
    const text =
      'id: w\ntrigger: { trigger_type: event, event_type: org.nobody.thing.happened }\ninstruction: { kind: http, method: GET, url: "http://x/" }\n';
    const result = parse(text);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line}:${w.column} ${w.message}`)).toEqual([
      '2:45 trigger.event_type: "org.nobody.thing.happened" matches no subject in the v1 catalog (docs/nats-event-subjects.md)',
    ]);
  });

  it('every problem names the file', () => {
    const result = parse('nope');
    expect(!result.ok && result.problems.every((p) => p.path === 'defs/sweep.yaml')).toBe(true);
  });

  it('refuses huge files without parsing them', () => {
    const result = parse(`# ${'x'.repeat(300 * 1024)}\n`);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: 'defs/sweep.yaml', message: 'file is larger than 256 KiB' }],
      warnings: [],
    });
  });
});
