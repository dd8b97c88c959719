// The status rule: the file's status wins only when the file changed it.
import type { WorkstreamEntity } from '@state-hub/db';
import type { Workplan } from '@state-hub/workplan';
import { applyWorkplan } from './apply-workstream';

const NOW = new Date('2026-11-25T10:00:00Z');
const plan = (status: Workplan['status']): Workplan => ({
  path: 'workplans/P.md',
  id: 'P-1',
  title: 'Plan',
  status,
  extra: { created: '2026-11-20' },
  tasks: [],
  warnings: [],
});
const row = (status: WorkstreamEntity['status'], fileStatus: string | null): WorkstreamEntity =>
  ({
    id: 'w',
    repo_id: 'r',
    workplan_id: 'P-1',
    title: 'Plan',
    owner: null,
    domain_id: null,
    source_path: 'workplans/P.md',
    extra: { created: '2026-11-20' },
    status,
    file_status: fileStatus,
    completed_at: null,
    created_at: NOW,
    updated_at: NOW,
  }) as WorkstreamEntity;
const fields = { isNew: false, domainId: null, path: 'workplans/P.md', now: NOW };

describe('applyWorkplan', () => {
  it('changes nothing when the file says what it said last time', () => {
    const ws = row('active', 'active');
    expect(applyWorkplan(ws, plan('active'), fields)).toEqual({ changed: false, completedFrom: undefined });
  });

  it('keeps a status the hub set while the file did not change its own', () => {
    const ws = row('blocked', 'active');
    expect(applyWorkplan(ws, plan('active'), fields).changed).toBe(false);
    expect(ws.status).toBe('blocked');
  });

  it('applies a status the file changed and reports a completion with the status before', () => {
    const ws = row('blocked', 'active');
    expect(applyWorkplan(ws, plan('completed'), fields)).toEqual({ changed: true, completedFrom: 'blocked' });
    expect(ws).toMatchObject({ status: 'completed', file_status: 'completed', completed_at: NOW });
  });

  it('keeps completed_at when archived and clears it when reopened', () => {
    const done = { ...row('completed', 'completed'), completed_at: NOW } as WorkstreamEntity;
    applyWorkplan(done, plan('archived'), fields);
    expect(done).toMatchObject({ status: 'archived', completed_at: NOW });
    applyWorkplan(done, plan('active'), fields);
    expect(done).toMatchObject({ status: 'active', completed_at: null });
  });

  it('a new row takes the file status without a completion event', () => {
    const ws = {} as WorkstreamEntity;
    expect(applyWorkplan(ws, plan('completed'), { ...fields, isNew: true })).toEqual({
      changed: true,
      completedFrom: undefined,
    });
    expect(ws).toMatchObject({ status: 'completed', completed_at: NOW, workplan_id: 'P-1' });
  });

  it('sees no change in extra that only differs in key order', () => {
    const ws = row('active', 'active');
    ws.extra = { b: 1, a: { y: 2, x: 1 } };
    const wp = { ...plan('active'), extra: { a: { x: 1, y: 2 }, b: 1 } };
    expect(applyWorkplan(ws, wp, fields).changed).toBe(false);
  });
});
