// The next steps: highest priority first, each with its workstream and repo.
import type { HubSchemas } from '@state-hub/hub-client';
import { Link } from 'react-router-dom';
import { StatusBadge } from '../../../components/status-badge';

export function NextStepsList({ steps }: { steps: HubSchemas['NextStepView'][] }) {
  if (steps.length === 0) return <p className="muted">No open tasks match.</p>;
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Priority</th>
          <th scope="col">Status</th>
          <th scope="col">Workstream</th>
          <th scope="col">Repo</th>
        </tr>
      </thead>
      <tbody>
        {steps.map((step) => (
          <tr key={step.task_id}>
            <td>
              <code>{step.task_key}</code> {step.title}
            </td>
            <td>
              <StatusBadge status={step.priority} />
            </td>
            <td>
              <StatusBadge status={step.status} />
            </td>
            <td>
              <Link to={`/workstreams/${step.workstream_id}`}>{step.workstream_title}</Link>
            </td>
            <td>
              <Link to={`/repos/${step.repo}`}>{step.repo}</Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
