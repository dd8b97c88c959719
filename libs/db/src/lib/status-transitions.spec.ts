import { TASK_STATUSES, WORKSTREAM_STATUSES } from './domain-types';
import { allowedTaskTransitions, isTaskTransitionAllowed, isWorkstreamTransitionAllowed } from './status-transitions';

describe('status transitions', () => {
  it('lets a workstream go draft → active → completed, and be reopened', () => {
    expect(isWorkstreamTransitionAllowed('draft', 'active')).toBe(true);
    expect(isWorkstreamTransitionAllowed('active', 'completed')).toBe(true);
    expect(isWorkstreamTransitionAllowed('completed', 'active')).toBe(true);
  });

  it('refuses to complete a draft or revive an archived workstream as completed', () => {
    expect(isWorkstreamTransitionAllowed('draft', 'completed')).toBe(false);
    expect(isWorkstreamTransitionAllowed('archived', 'completed')).toBe(false);
  });

  it('treats staying in the same status as allowed', () => {
    for (const s of WORKSTREAM_STATUSES) expect(isWorkstreamTransitionAllowed(s, s)).toBe(true);
    for (const s of TASK_STATUSES) expect(isTaskTransitionAllowed(s, s)).toBe(true);
  });

  it('only reopens a cancelled task to todo', () => {
    expect(allowedTaskTransitions('cancelled')).toEqual(['todo']);
    expect(isTaskTransitionAllowed('cancelled', 'done')).toBe(false);
  });

  it('names only real statuses as targets', () => {
    for (const s of TASK_STATUSES) for (const to of allowedTaskTransitions(s)) expect(TASK_STATUSES).toContain(to);
  });
});
