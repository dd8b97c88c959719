import { ActivityDefinitionSchema } from './activity-definition-schema';

const base = {
  id: 'team.thing',
  trigger: { trigger_type: 'manual' },
  instruction: { kind: 'http', method: 'POST', url: 'http://hub:3000/x' },
};

function issues(value: unknown): string[] {
  const result = ActivityDefinitionSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

const withInstruction = (instruction: Record<string, unknown>) => ({ ...base, instruction });

describe('ActivityDefinitionSchema', () => {
  it('applies the defaults', () => {
    const parsed = ActivityDefinitionSchema.parse({
      ...base,
      trigger: { trigger_type: 'cron', cron_expression: '0 3 * * *' },
      context: [{ kind: 'http_get', url: 'http://hub/state/health', bind: 'hub_health' }],
    });
    expect(parsed.enabled).toBe(true);
    expect(parsed.trigger).toEqual({
      trigger_type: 'cron',
      cron_expression: '0 3 * * *',
      timezone: 'UTC',
      misfire_policy: 'skip',
    });
    expect(parsed.context?.[0].timeout_seconds).toBe(5);
    expect(parsed.instruction).toMatchObject({ on_failure: 'log_and_continue', timeout_seconds: 30 });
  });

  it.each([
    ['the-custodian.state-hub-consistency-sweep', true],
    ['a', true],
    ['a1.b-2', true],
    ['Upper.case', false],
    ['under_score', false],
    ['double..dot', false],
    ['-leading', false],
    ['trailing.', false],
    ['x'.repeat(201), false],
  ])('id %j valid: %s', (id, valid) => {
    expect(issues({ ...base, id }).length === 0).toBe(valid);
  });

  it('refuses unknown keys at every level', () => {
    expect(issues({ ...base, extra: 1 })).toEqual([': Unrecognized key: "extra"']);
    expect(issues({ ...base, trigger: { trigger_type: 'manual', cron_expression: 'x' } })).toHaveLength(1);
  });

  it('checks event triggers: subject pattern and filter globs', () => {
    const event = (trigger: Record<string, unknown>) => ({ ...base, trigger: { trigger_type: 'event', ...trigger } });
    expect(issues(event({ event_type: 'org.repo.commit.pushed', filters: { repo_slug: '*' } }))).toEqual([]);
    expect(issues(event({ event_type: 'org.>.pushed' }))).toHaveLength(1);
    expect(issues(event({ event_type: 'org.x', filters: { RepoSlug: '*' } }))).toHaveLength(1);
    expect(issues(event({ event_type: 'org.x', filters: { repo_slug: '' } }))).toHaveLength(1);
  });

  it('checks catch-up windows', () => {
    const cron = (catchup_window: string) => ({
      ...base,
      trigger: { trigger_type: 'cron', cron_expression: '0 3 * * *', catchup_window },
    });
    expect(issues(cron('1h30m'))).toEqual([]);
    expect(issues(cron('1 hour'))).toEqual([
      'trigger.catchup_window: must be a duration such as 90s, 30m, 1h or 1h30m',
    ]);
    expect(issues(cron('0s'))).toEqual(['trigger.catchup_window: must be a positive duration']);
  });

  it('checks context bindings: identifiers, not built-ins or CEL words, unique', () => {
    const context = (...binds: string[]) => ({
      ...base,
      context: binds.map((bind) => ({ kind: 'http_get', url: 'http://hub/h', bind })),
    });
    expect(issues(context('hub_health', 'repos'))).toEqual([]);
    expect(issues(context('Hub'))).toHaveLength(1);
    expect(issues(context('now'))).toEqual(['context.0.bind: "now" is a built-in rule variable: choose another name']);
    expect(issues(context('in'))).toEqual(['context.0.bind: "in" is a reserved word in CEL: choose another name']);
    expect(issues(context('a', 'a'))).toEqual(['context.1.bind: "a" is bound twice']);
  });

  it('checks context timeouts (max 120 s) and URLs', () => {
    const source = { kind: 'http_get', url: 'http://hub/h', bind: 'h' };
    expect(issues({ ...base, context: [{ ...source, timeout_seconds: 121 }] })).toHaveLength(1);
    expect(issues({ ...base, context: [{ ...source, url: 'ftp://hub/h' }] })).toHaveLength(1);
    expect(issues({ ...base, context: [{ ...source, url: 'http://hub/{{ event.attributes.repo_slug }}/x' }] })).toEqual(
      [],
    );
  });

  it('checks http instructions', () => {
    const http = (extra: Record<string, unknown>) => withInstruction({ ...base.instruction, ...extra });
    expect(
      issues(http({ expect_status: [200, 202], body: { a: [1, null] }, headers: { 'X-Run': '{{ run.id }}' } })),
    ).toEqual([]);
    expect(issues(http({ expect_status: 99 }))).toHaveLength(1);
    expect(issues(http({ expect_status: [] }))).toHaveLength(1);
    expect(issues(http({ timeout_seconds: 3601 }))).toHaveLength(1);
    expect(issues(http({ headers: { 'Bad Header': 'x' } }))).toHaveLength(1);
    expect(issues(http({ headers: { 'X-A': 'a\r\nX-Injected: 1' } }))).toHaveLength(1);
  });

  it('keeps run data out of shell command strings', () => {
    const shell = (extra: Record<string, unknown>) =>
      withInstruction({ kind: 'shell', cmd: 'sync.sh "$REPO"', timeout_seconds: 60, ...extra });
    expect(issues(shell({ env: { REPO: '{{ event.attributes.repo_slug }}' } }))).toEqual([]);
    expect(issues(shell({ cmd: 'sync.sh {{ event.attributes.repo_slug }}' }))).toEqual([
      'instruction.cmd: must not contain {{ placeholders: pass run data through env and read it as $NAME in the command',
    ]);
    expect(issues(shell({ timeout_seconds: undefined }))).toHaveLength(1);
    expect(issues(shell({ env: { 'BAD-NAME': 'x' } }))).toHaveLength(1);
  });

  it('requires a concrete, well-formed subject to publish', () => {
    const publish = (event_type: string) =>
      withInstruction({ kind: 'publish', event_type, attributes: { repo_slug: '{{ event.attributes.repo_slug }}' } });
    expect(issues(publish('org.activityengine.sweep.requested'))).toEqual([]);
    expect(issues(publish('org.statehub.*.completed'))).toHaveLength(1);
    expect(issues(publish('org.>'))).toHaveLength(1);
    expect(issues(publish('Org.X.Y.Z'))).toHaveLength(1);
  });

  it('allows a retry block only with on_failure: retry', () => {
    const retry = { max_attempts: 5 };
    expect(issues(withInstruction({ ...base.instruction, on_failure: 'retry', retry }))).toEqual([]);
    expect(issues(withInstruction({ ...base.instruction, retry }))).toEqual([
      'instruction.retry: only allowed with on_failure: retry',
    ]);
    expect(
      issues(withInstruction({ ...base.instruction, on_failure: 'retry', retry: { max_attempts: 11 } })),
    ).toHaveLength(1);
    const parsed = ActivityDefinitionSchema.parse(
      withInstruction({ ...base.instruction, on_failure: 'retry', retry: {} }),
    );
    expect(parsed.instruction.retry).toEqual({ max_attempts: 3, backoff_seconds: 5 });
  });

  it('requires at least one rule expression when a rule is given', () => {
    expect(issues({ ...base, rule: { when: [] } })).toHaveLength(1);
    expect(issues({ ...base, rule: { when: [''] } })).toHaveLength(1);
  });
});
