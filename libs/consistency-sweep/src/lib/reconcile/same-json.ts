// Compares JSON values by content: jsonb hands objects back with its own key
// order, so a naive stringify would see a change on every sweep.

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

/** The value as it will come back from a jsonb column (dates become strings, undefined disappears). */
export function asStoredJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value ?? null)) as T;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(asStoredJson(a))) === JSON.stringify(canonical(asStoredJson(b)));
}
