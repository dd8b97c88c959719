// Dead letters with their reason and payload; select some and redrive them.
import type { EngineSchemas } from '@state-hub/engine-client';
import { useState } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { formatDateTime } from '../../../lib/format-time';
import { useRedrive } from '../api/redrive-dead-letters';

export function DeadLettersTable({ letters }: { letters: EngineSchemas['DeadLetterView'][] }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const redrive = useRedrive();
  if (letters.length === 0) return <p className="muted">No dead letters: the engine could interpret every event.</p>;
  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return (
    <>
      <div className="actions">
        <button
          type="button"
          disabled={selected.size === 0 || redrive.isPending}
          onClick={() => redrive.mutate([...selected], { onSuccess: () => setSelected(new Set()) })}
        >
          Redrive selected ({selected.size})
        </button>
      </div>
      {redrive.isSuccess && (
        <p role="status" className="notice">
          Redriven: {redrive.data.counts.redriven}, not found: {redrive.data.counts.not_found}, failed:{' '}
          {redrive.data.counts.failed}.
          {redrive.data.items
            .filter((item) => item.error)
            .map((item) => ` ${item.id}: ${item.error}`)
            .join('')}
        </p>
      )}
      {redrive.isError && <ErrorMessage error={redrive.error} />}
      <table>
        <thead>
          <tr>
            <th scope="col">Select</th>
            <th scope="col">Dead-lettered</th>
            <th scope="col">Subject</th>
            <th scope="col">Reason</th>
            <th scope="col">Payload</th>
            <th scope="col">Redriven</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter) => (
            <tr key={letter.id}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`select dead letter ${letter.id}`}
                  checked={selected.has(letter.id)}
                  onChange={() => toggle(letter.id)}
                />
              </td>
              <td>{formatDateTime(letter.dead_lettered_at)}</td>
              <td>
                <code>{letter.original_subject}</code>
              </td>
              <td>{letter.reason}</td>
              <td>
                <code className="payload">{letter.payload_preview}</code>
                <div className="muted">
                  {letter.payload_bytes} bytes{letter.payload_truncated ? ', truncated' : ''}
                </div>
              </td>
              <td>{letter.redrive_count}×</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
