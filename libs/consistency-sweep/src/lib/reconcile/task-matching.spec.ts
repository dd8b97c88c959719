// Task identity when a file's tasks are inserted, renumbered, swapped or dropped.
import { matchTasks, parkedKey } from './task-matching';

const A = { id: 'aaaaaaaa-0000-4000-8000-000000000001', task_key: 'T1' };
const B = { id: 'bbbbbbbb-0000-4000-8000-000000000002', task_key: 'T2' };
const C = { id: 'cccccccc-0000-4000-8000-000000000003', task_key: 'T3' };

describe('matchTasks', () => {
  it('keeps rows by key when the file carries no ids, and makes the rest new', () => {
    expect(matchTasks([A, B], [{ key: 'T1' }, { key: 'T2' }, { key: 'T9' }])).toEqual({
      rows: [A, B, undefined],
      parked: [],
    });
  });

  it('a task inserted first and the others renumbered: ids win over keys', () => {
    const tasks = [{ key: 'T1' }, { key: 'T2', stateHubTaskId: A.id }, { key: 'T3', stateHubTaskId: B.id }];
    expect(matchTasks([A, B], tasks)).toEqual({ rows: [undefined, A, B], parked: [] });
  });

  it('swapped keys follow the ids', () => {
    const tasks = [
      { key: 'T1', stateHubTaskId: B.id },
      { key: 'T2', stateHubTaskId: A.id.toUpperCase() },
    ];
    expect(matchTasks([A, B], tasks).rows).toEqual([B, A]);
  });

  it('an id of another workstream or a copied id falls back to the key', () => {
    const foreign = 'dddddddd-0000-4000-8000-000000000004';
    const tasks = [
      { key: 'T1', stateHubTaskId: A.id },
      { key: 'T2', stateHubTaskId: A.id },
      { key: 'T3', stateHubTaskId: foreign },
    ];
    expect(matchTasks([A, B, C], tasks).rows).toEqual([A, B, C]);
  });

  it('parks a dropped row whose key a task matched by id takes over; other dropped rows keep theirs', () => {
    const tasks = [
      { key: 'T1', stateHubTaskId: A.id },
      { key: 'T2', stateHubTaskId: C.id },
    ];
    expect(matchTasks([A, B, C], tasks)).toEqual({ rows: [A, C], parked: [B] });
    expect(matchTasks([A, B, C], [{ key: 'T1' }])).toEqual({ rows: [A], parked: [] });
    expect(parkedKey(B)).toBe(`T2~${B.id}`);
    expect(parkedKey({ id: B.id, task_key: 'K'.repeat(100) })).toHaveLength(100);
  });
});
