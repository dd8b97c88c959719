// A workstream's tasks in file order: key, title, status, priority. Plain rows:
// a workstream of 1,000 tasks renders in well under a second (bench/dashboard.ts).
import type { HubSchemas } from '@state-hub/hub-client';
import { StatusBadge } from '../../../components/status-badge';

export function TasksTable({ tasks }: { tasks: HubSchemas['TaskView'][] }) {
  if (tasks.length === 0) return <p className="muted">No tasks match.</p>;
  return (
    <table className="tasks">
      <caption className="muted">{tasks.length} tasks</caption>
      <thead>
        <tr>
          <th scope="col">Key</th>
          <th scope="col">Title</th>
          <th scope="col">Status</th>
          <th scope="col">Priority</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id}>
            <td>
              <code>{task.task_key}</code>
            </td>
            <td>{task.title}</td>
            <td>
              <StatusBadge status={task.status} />
            </td>
            <td>
              <StatusBadge status={task.priority} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
