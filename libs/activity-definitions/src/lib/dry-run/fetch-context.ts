// Context sources for a dry run. With --fetch-context they are fetched as the
// engine fetches them (GET, JSON, a failure binds `{ error, status? }`);
// without it each is bound to SKIPPED_CONTEXT and nothing leaves the machine.
import { fetchContextSource } from '../context/fetch-context';
import type { ContextSource } from '../schema/context-schema';

export const SKIPPED_CONTEXT = Object.freeze({ skipped: 'dry run' });

export interface ContextReport {
  fetched: boolean;
  bindings: Record<string, unknown>;
}

export async function dryRunContext(sources: readonly ContextSource[], fetchIt: boolean): Promise<ContextReport> {
  const bindings: Record<string, unknown> = {};
  for (const source of sources)
    bindings[source.bind] = fetchIt ? await fetchContextSource(source) : { ...SKIPPED_CONTEXT };
  return { fetched: fetchIt, bindings };
}
