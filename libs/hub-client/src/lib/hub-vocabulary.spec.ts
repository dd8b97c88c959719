// The vocabulary comes from the hub's document; these are the values agents,
// the CLI and workplan files rely on, so a change in the document shows here.
import * as vocabulary from './hub-vocabulary';

describe('hub vocabulary (from the OpenAPI document)', () => {
  it('lists the statuses and priorities, priorities highest first', () => {
    expect(vocabulary.REPO_STATUSES).toEqual(['active', 'archived']);
    expect(vocabulary.WORKSTREAM_STATUSES).toEqual(['draft', 'active', 'blocked', 'completed', 'archived']);
    expect(vocabulary.TASK_STATUSES).toEqual(['todo', 'in_progress', 'blocked', 'done', 'cancelled']);
    expect(vocabulary.TASK_PRIORITIES).toEqual(['critical', 'high', 'medium', 'low']);
    expect(vocabulary.DECISION_STATUSES).toEqual(['open', 'resolved']);
  });

  it.each([
    ['SLUG_PATTERN', ['state-hub', 'a.b_c'], ['State-Hub', 'a--b', '']],
    ['WORKPLAN_ID_PATTERN', ['STATE-WP-0064', 'HUB-WP-10'], ['state-wp-1', 'STATE-WP', 'STATE-WP-0064-T01x']],
    ['EVENT_TYPE_PATTERN', ['task_completed', 'pr.opened'], ['Task', '1st', '']],
  ] as const)('%s accepts and refuses what the hub does', (name, good, bad) => {
    for (const value of good) expect(vocabulary[name].test(value)).toBe(true);
    for (const value of bad) expect(vocabulary[name].test(value)).toBe(false);
  });
});
