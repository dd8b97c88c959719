// Each rule check of a run with the value it had.
import { StatusBadge } from '../../../components/status-badge';
import type { RuleSummary } from '../run-rule';

export function RunRulesTable({ rule }: { rule: RuleSummary | undefined }) {
  if (!rule) return <p className="muted">No rule outcome recorded (the run did not get that far).</p>;
  if (rule.checks.length === 0) return <p>No rule: every trigger acts.</p>;
  return (
    <>
      <p>
        Rule <StatusBadge status={rule.passed ? 'passed' : 'declined'} />
        {rule.reason && <span> — {rule.reason}</span>}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {rule.checks.map((check, i) => (
            <tr key={`${i}-${check.expression}`}>
              <td>
                <code>{check.expression}</code>
              </td>
              <td>
                {check.error ? <span className="problem">error: {check.error}</span> : <code>{check.value}</code>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
