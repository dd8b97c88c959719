// Loading, error or the data of one query: every page shows one of the three, never nothing.
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorMessage } from './error-message';

export function QueryState<T>({
  query,
  label,
  children,
}: {
  query: UseQueryResult<T>;
  /** What is loading, e.g. "runs". */
  label: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending)
    return (
      <p className="muted" role="status">
        Loading {label}…
      </p>
    );
  // A failed refresh keeps the last data (TanStack keeps it): show it, and say why it may be old.
  if (query.data === undefined) return <ErrorMessage error={query.error} />;
  return (
    <>
      {children(query.data)}
      {query.isError && <ErrorMessage error={query.error} />}
    </>
  );
}
