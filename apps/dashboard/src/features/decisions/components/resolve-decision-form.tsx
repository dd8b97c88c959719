// Resolve one open decision: the resolution and who decided.
import type { HubSchemas } from '@state-hub/hub-client';
import { type FormEvent, useId } from 'react';
import { ErrorMessage } from '../../../components/error-message';
import { useResolveDecision } from '../api/resolve-decision';

export function ResolveDecisionForm({ decision }: { decision: HubSchemas['DecisionView'] }) {
  const resolve = useResolveDecision();
  const id = useId();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    resolve.mutate({
      id: decision.id,
      body: { resolution: String(form.get('resolution') ?? ''), resolved_by: String(form.get('resolved_by') ?? '') },
    });
  };
  return (
    <form className="resolve" onSubmit={submit} aria-label={`Resolve: ${decision.title}`}>
      <label htmlFor={`${id}-resolution`}>Resolution</label>
      <textarea id={`${id}-resolution`} name="resolution" required rows={2} />
      <label htmlFor={`${id}-by`}>Resolved by</label>
      <input id={`${id}-by`} name="resolved_by" required />
      <button type="submit" disabled={resolve.isPending}>
        {resolve.isPending ? 'Resolving…' : 'Resolve'}
      </button>
      {resolve.isError && <ErrorMessage error={resolve.error} />}
    </form>
  );
}
