// Fetches a definition's context sources in order (the engine, and the dry run with --fetch-context). A failing source never
// throws: it binds `{ error, status? }` and the rule decides what that means.
import type { ContextSource } from '../schema/context-schema';
import { withTimeout } from './with-timeout';

export async function fetchContext(sources: readonly ContextSource[]): Promise<Record<string, unknown>> {
  const bindings: Record<string, unknown> = {};
  for (const source of sources) bindings[source.bind] = await fetchContextSource(source);
  return bindings;
}

export function fetchContextSource(source: ContextSource): Promise<unknown> {
  return withTimeout(source.timeout_seconds * 1000, (signal) => fetchWithin(source, signal));
}

async function fetchWithin(source: ContextSource, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(source.url, {
      headers: { accept: 'application/json', ...source.headers },
      signal,
    });
  } catch (error) {
    return { error: describeFetchError(error, source.timeout_seconds) };
  }
  const text = await response.text().catch((error: unknown) => ({ failed: String(error) }));
  if (typeof text !== 'string') return { error: `reading the body failed: ${text.failed}`, status: response.status };
  if (!response.ok) return { error: `GET ${source.url} answered ${response.status}`, status: response.status };
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { error: `GET ${source.url} did not answer JSON`, status: response.status };
  }
}

export function describeFetchError(error: unknown, timeoutSeconds: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `timed out after ${timeoutSeconds}s`;
  }
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
}
