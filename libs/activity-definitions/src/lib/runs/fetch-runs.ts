// GET /runs from the engine's HTTP side. Any failure is one readable line.
export interface RunsQuery {
  definition?: string;
  status?: string;
  limit?: number;
}

export interface RunRow {
  id?: string;
  definition_id?: string;
  trigger_kind?: string;
  trigger_key?: string;
  event_type?: string | null;
  status?: string;
  skip_reason?: string | null;
  error?: string | null;
  started_at?: string;
  duration_ms?: number | null;
}

export interface RunsPage {
  items: RunRow[];
  total?: number;
}

export class EngineError extends Error {
  override name = 'EngineError';
}

export const DEFAULT_ENGINE_URL = 'http://127.0.0.1:3001';
const TIMEOUT_MS = 10_000;

export function runsUrl(base: string, query: RunsQuery): URL {
  const url = new URL('runs', base.endsWith('/') ? base : `${base}/`);
  if (query.definition !== undefined) url.searchParams.set('definition', query.definition);
  if (query.status !== undefined) url.searchParams.set('status', query.status);
  if (query.limit !== undefined) url.searchParams.set('limit', String(query.limit));
  return url;
}

/** The response body as text (for --json) and parsed; throws EngineError. */
export async function fetchRuns(base: string, query: RunsQuery): Promise<{ text: string; page: RunsPage }> {
  const url = runsUrl(base, query);
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(TIMEOUT_MS) });
    text = await response.text();
  } catch (error) {
    throw new EngineError(`cannot reach the engine at ${base} (GET ${url.pathname}): ${reason(error)}`);
  }
  if (!response.ok) {
    throw new EngineError(`GET ${url.href} answered ${response.status}${serverMessage(text)}`);
  }
  let page: unknown;
  try {
    page = JSON.parse(text);
  } catch {
    throw new EngineError(`GET ${url.href} did not answer JSON; is ${base} the engine (event-consumer)?`);
  }
  if (page === null || typeof page !== 'object' || !Array.isArray((page as RunsPage).items)) {
    throw new EngineError(`GET ${url.href} did not answer a runs page ({ items, total }); is ${base} the engine?`);
  }
  return { text, page: page as RunsPage };
}

function reason(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${TIMEOUT_MS / 1000}s`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  if (cause?.code === 'ECONNREFUSED') return 'connection refused — is event-consumer running?';
  if (cause?.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { message?: unknown };
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    return typeof message === 'string' ? `: ${message}` : '';
  } catch {
    return '';
  }
}
