// The process's known secrets and the one way to hide them. Every value that is
// a secret is registered here once (the apps' tokens by TokenSetting, the values
// `${VAR}` put into definitions by the definition loader); whatever is stored,
// logged or answered passes through redactSecrets/redactText first, which
// replaces each occurrence with SECRET_MARKER. The registry only grows.

/** What stands where a secret was. */
export const SECRET_MARKER = '[secret]';

/** Shorter values are not treated as secrets: masking them would mangle ordinary text. */
export const MIN_SECRET_LENGTH = 8;

/** Header, query parameter and variable names that carry credentials. */
export const CREDENTIAL_NAME = /authorization|cookie|token|secret|key|password|passwd|signature|credential/i;

const known = new Set<string>();
let pattern: RegExp | undefined;

/** Adds a value to the secrets hidden everywhere; too-short or empty values are ignored. */
export function registerSecret(value: string | undefined | null): void {
  if (!value || value.length < MIN_SECRET_LENGTH || known.has(value)) return;
  known.add(value);
  // Longest first, so a secret that contains another is hidden whole.
  const alternatives = [...known].sort((a, b) => b.length - a.length).map(escapeRegExp);
  pattern = new RegExp(alternatives.join('|'), 'g');
}

/** The text with every registered secret replaced by SECRET_MARKER. */
export function redactText(text: string): string {
  if (!pattern || text.length < MIN_SECRET_LENGTH) return text;
  return text.replace(pattern, SECRET_MARKER);
}

/** A copy of a JSON-like value with every registered secret hidden, in keys and in strings. */
export function redactSecrets<T>(value: T): T {
  if (!pattern) return value;
  return redactValue(value) as T;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value instanceof Date || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    Object.defineProperty(out, redactText(key), {
      value: redactValue(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/** Headers with the value of each credential-named one (Authorization, Cookie, X-Api-Key …) replaced. */
export function redactHeaders<T extends Record<string, unknown>>(headers: T): T {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = CREDENTIAL_NAME.test(name) && value !== undefined ? SECRET_MARKER : redactSecrets(value);
  }
  return out as T;
}

/** A URL (or path with a query) with credential-named query parameters and known secrets hidden. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return redactText(url);
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      return eq >= 0 && CREDENTIAL_NAME.test(safeDecode(name)) ? `${name}=${SECRET_MARKER}` : pair;
    })
    .join('&');
  return redactText(`${url.slice(0, at)}?${query}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
