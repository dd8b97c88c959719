// The MCP server copies the hub's vocabulary (to stay free of TypeORM); this
// keeps the copy honest.
import * as db from '@state-hub/db';
import * as vocabulary from './hub-vocabulary';

describe('hub vocabulary', () => {
  it.each(['REPO_STATUSES', 'WORKSTREAM_STATUSES', 'TASK_STATUSES', 'TASK_PRIORITIES', 'DECISION_STATUSES'] as const)(
    '%s matches libs/db',
    (name) => {
      expect(vocabulary[name]).toEqual(db[name]);
    },
  );

  it.each(['SLUG_PATTERN', 'WORKPLAN_ID_PATTERN'] as const)('%s matches libs/db', (name) => {
    expect(vocabulary[name].source).toBe(db[name].source);
  });
});
