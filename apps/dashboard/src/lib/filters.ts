// Filters live in the URL's search params, so a filtered page can be shared.
// A value outside the API's vocabulary is a bad filter the page names, not a blank screen.
import { useCallback } from 'react';
import { useSearchParams } from 'react-router-dom';

/** A filter value the API would refuse, named before any request is made. */
export class FilterError extends Error {
  override readonly name = 'FilterError';
}

export type FilterCheck<T extends string> =
  { value: T | undefined; error?: undefined } | { value: undefined; error: string };

/** A filter that must be one of `allowed` (the generated vocabulary). */
export function checkFilter<T extends string>(name: string, raw: string | null, allowed: readonly T[]): FilterCheck<T> {
  if (raw === null || raw === '') return { value: undefined };
  if ((allowed as readonly string[]).includes(raw)) return { value: raw as T };
  return { value: undefined, error: `${name} must be one of ${allowed.join(', ')} (got "${raw}")` };
}

/** The URL's filters and a setter that keeps the others (an empty value removes one). */
export function useUrlFilters(): [URLSearchParams, (name: string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const setFilter = useCallback(
    (name: string, value: string | undefined) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [params, setFilter];
}
