import type { HubSchemas, TaskStatus } from '@state-hub/hub-client';
import { renderWorkstreamMarkdown } from './workstream-markdown';

const task = (task_key: string, title: string, status: TaskStatus): HubSchemas['TaskView'] => ({
  id: `00000000-0000-4000-8000-00000000000${task_key.slice(-1)}`,
  task_key,
  title,
  status,
  priority: 'high',
  position: 0,
  workstream_id: '00000000-0000-4000-8000-000000000000',
  extra: {},
  started_at: null,
  completed_at: null,
  created_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:00:00.000Z',
});

const workstream: HubSchemas['WorkstreamDetailView'] = {
  id: '00000000-0000-4000-8000-000000000000',
  workplan_id: 'STATE-WP-0064',
  title: 'Move the sweep',
  status: 'active',
  repo_id: '00000000-0000-4000-8000-000000000009',
  repo: 'state-hub',
  domain: 'custodian',
  owner: null,
  source_path: 'workplans/STATE-WP-0064.md',
  extra: {},
  completed_at: null,
  created_at: '2026-11-23T10:00:00.000Z',
  updated_at: '2026-11-23T10:00:00.000Z',
  tasks: [task('T1', 'Wire the definition', 'done'), task('T2', 'Retire the timer', 'todo')],
};

describe('renderWorkstreamMarkdown', () => {
  it('renders title, status, place and the tasks as a checklist', () => {
    expect(renderWorkstreamMarkdown(workstream)).toBe(
      [
        '# STATE-WP-0064 — Move the sweep',
        '',
        '- status: active',
        '- repo: state-hub',
        '- domain: custodian',
        '- file: workplans/STATE-WP-0064.md',
        '- workstream id: 00000000-0000-4000-8000-000000000000',
        '',
        '## Tasks',
        '',
        '- [x] T1 — Wire the definition (done, high)',
        '- [ ] T2 — Retire the timer (todo, high)',
        '',
      ].join('\n'),
    );
  });

  it('says so when there are no tasks', () => {
    expect(renderWorkstreamMarkdown({ ...workstream, tasks: [] })).toContain('## Tasks\n\nNo tasks.\n');
  });
});
