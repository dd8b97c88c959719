// How an id is written into YAML: in the style the line already uses when it
// can be, and never in a form that would read back as something else.
import { parse } from 'yaml';

export type IdStyle = 'plain' | 'single' | 'double';

// Line breaks and other control characters, and quotes: an id holding one is a caller's bug.
const FORBIDDEN = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(31)}${String.fromCharCode(127)}"'\\u2028\\u2029]`,
);

export function assertId(value: unknown, name: string): asserts value is string {
  if (typeof value !== 'string' || value === '' || FORBIDDEN.test(value)) {
    throw new TypeError(
      `writeBackIds: ${name} must be a non-empty id without line breaks or quotes, got ${JSON.stringify(value)}`,
    );
  }
}

export function formatId(id: string, style: IdStyle, flow: boolean): string {
  if (style === 'single') return `'${id}'`;
  if (style === 'plain' && readsBackAsPlain(id, flow)) return id;
  return `"${id.replace(/\\/g, '\\\\')}"`;
}

// Asks the YAML parser itself: `k: <id>` must read back as exactly the id (not a number, a comment, an alias …).
function readsBackAsPlain(id: string, flow: boolean): boolean {
  try {
    const value: unknown = parse(flow ? `{k: ${id}}` : `k: ${id}`, { schema: 'core', logLevel: 'silent' });
    return (value as { k?: unknown } | null)?.k === id;
  } catch {
    return false;
  }
}
