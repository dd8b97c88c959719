// A workstream as the markdown an agent reads: title, status, where it lives,
// and its tasks as a checklist.
import type { HubSchemas, TaskStatus } from '@state-hub/hub-client';

const CHECKBOX: Record<TaskStatus, string> = {
  todo: '[ ]',
  in_progress: '[~]',
  blocked: '[!]',
  done: '[x]',
  cancelled: '[-]',
};

export function renderWorkstreamMarkdown(ws: HubSchemas['WorkstreamDetailView']): string {
  const facts = [
    `- status: ${ws.status}`,
    `- repo: ${ws.repo}`,
    `- domain: ${ws.domain}`,
    ...(ws.owner ? [`- owner: ${ws.owner}`] : []),
    ...(ws.source_path ? [`- file: ${ws.source_path}`] : []),
    `- workstream id: ${ws.id}`,
  ];
  const tasks =
    ws.tasks.length === 0
      ? ['No tasks.']
      : ws.tasks.map((t) => `- ${CHECKBOX[t.status]} ${t.task_key} — ${t.title} (${t.status}, ${t.priority})`);
  return [`# ${ws.workplan_id} — ${ws.title}`, '', ...facts, '', '## Tasks', '', ...tasks, ''].join('\n');
}
