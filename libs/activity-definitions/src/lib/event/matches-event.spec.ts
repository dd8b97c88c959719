import { SUBJECTS } from '@state-hub/subjects';
import { parseDefinition } from '../parse/parse-definition';
import type { LoadedDefinition } from '../parse/loaded-definition';
import { matchesEvent } from './matches-event';

function definition(trigger: string): LoadedDefinition {
  const text = `id: t.matcher\ntrigger:\n${trigger}\ninstruction: { kind: http, method: POST, url: http://hub/x }\n`;
  const result = parseDefinition(text, { path: 'm.yaml', env: {} });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.definition;
}

const pushed = (attributes: Record<string, unknown>) => ({ type: SUBJECTS.commitPushed, attributes });

describe('matchesEvent', () => {
  it('matches the exact subject', () => {
    const def = definition(`  trigger_type: event\n  event_type: ${SUBJECTS.commitPushed}`);
    expect(matchesEvent(def, pushed({ repo_slug: 'a' }))).toBe(true);
    expect(matchesEvent(def, { type: SUBJECTS.taskStale, attributes: {} })).toBe(false);
  });

  it('matches NATS wildcards', () => {
    const star = definition('  trigger_type: event\n  event_type: org.statehub.*.completed');
    expect(matchesEvent(star, { type: SUBJECTS.workstreamCompleted, attributes: {} })).toBe(true);
    expect(matchesEvent(star, { type: SUBJECTS.taskStale, attributes: {} })).toBe(false);
    const tail = definition('  trigger_type: event\n  event_type: org.statehub.>');
    expect(matchesEvent(tail, { type: SUBJECTS.domainGoalActivated, attributes: {} })).toBe(true);
    expect(matchesEvent(tail, pushed({}))).toBe(false);
  });

  it('requires every filter to match', () => {
    const def = definition(
      `  trigger_type: event\n  event_type: ${SUBJECTS.commitPushed}\n  filters:\n    repo_slug: state-*\n    ref: refs/heads/main`,
    );
    expect(matchesEvent(def, pushed({ repo_slug: 'state-hub', ref: 'refs/heads/main' }))).toBe(true);
    expect(matchesEvent(def, pushed({ repo_slug: 'state-hub', ref: 'refs/heads/dev' }))).toBe(false);
    expect(matchesEvent(def, pushed({ repo_slug: 'other', ref: 'refs/heads/main' }))).toBe(false);
  });

  it('never matches a missing attribute, even with *', () => {
    const def = definition(
      `  trigger_type: event\n  event_type: ${SUBJECTS.commitPushed}\n  filters:\n    repo_slug: "*"`,
    );
    expect(matchesEvent(def, pushed({ repo_slug: 'x' }))).toBe(true);
    expect(matchesEvent(def, pushed({ repo_slug: '' }))).toBe(true);
    expect(matchesEvent(def, pushed({}))).toBe(false);
    expect(matchesEvent(def, pushed({ repo_slug: null }))).toBe(false);
  });

  it('does not find attributes on the prototype', () => {
    const def = definition(
      `  trigger_type: event\n  event_type: ${SUBJECTS.commitPushed}\n  filters:\n    constructor: "*"`,
    );
    expect(matchesEvent(def, pushed({}))).toBe(false);
  });

  it('matches numbers and booleans by their text', () => {
    const def = definition(
      `  trigger_type: event\n  event_type: ${SUBJECTS.commitPushed}\n  filters:\n    count: "1*"`,
    );
    expect(matchesEvent(def, pushed({ count: 12 }))).toBe(true);
    expect(matchesEvent(def, pushed({ count: 2 }))).toBe(false);
  });

  it('is false for cron and manual definitions', () => {
    const cron = definition("  trigger_type: cron\n  cron_expression: '0 3 * * *'");
    const manual = definition('  trigger_type: manual');
    expect(matchesEvent(cron, pushed({}))).toBe(false);
    expect(matchesEvent(manual, pushed({}))).toBe(false);
  });
});
