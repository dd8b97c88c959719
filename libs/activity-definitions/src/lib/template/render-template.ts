// Renders `{{ path.to.value }}` placeholders in instruction fields. Only data
// lookups: no expressions, no calls, and only own properties of plain data,
// so a definition can never reach a prototype or run code.
import { TemplateError } from './template-error';

const PLACEHOLDER = /\{\{([^{}]*)\}\}/g;
const WHOLE_PLACEHOLDER = /^\{\{([^{}]*)\}\}$/;
const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_-]*|\d+)$/;
const FORBIDDEN_SEGMENTS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;

/**
 * Deep-walks JSON `value` and replaces placeholders inside strings with data
 * from `data`. A string that is exactly one placeholder takes the value's own
 * JSON type; inside a longer string, values are spliced in as text (objects
 * and lists as JSON, null as an empty string). Throws TemplateError when a
 * path is malformed, refused, or missing: a silent '' would send requests
 * to the wrong URL.
 */
export function renderTemplate(value: unknown, data: Record<string, unknown>): unknown {
  return render(value, data, 0);
}

function render(value: unknown, data: Record<string, unknown>, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new TemplateError(`template nests deeper than ${MAX_DEPTH} levels`);
  if (typeof value === 'string') return renderString(value, data);
  if (Array.isArray(value)) return value.map((item: unknown) => render(item, data, depth + 1));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      // defineProperty: a key named __proto__ stays a plain key.
      Object.defineProperty(out, key, {
        value: render(item, data, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

function renderString(text: string, data: Record<string, unknown>): unknown {
  const whole = WHOLE_PLACEHOLDER.exec(text);
  if (whole) return lookup(whole[1], data);
  return text.replace(PLACEHOLDER, (_match, path: string) => asText(lookup(path, data)));
}

function lookup(rawPath: string, data: Record<string, unknown>): unknown {
  const path = rawPath.trim();
  const segments = path.split('.');
  for (const segment of segments) {
    if (FORBIDDEN_SEGMENTS.has(segment))
      throw new TemplateError(`{{ ${path} }}: "${segment}" is not allowed in a path`);
    if (!SEGMENT.test(segment)) {
      throw new TemplateError(`{{ ${path} }}: a placeholder is a dotted path such as event.attributes.repo_slug`);
    }
  }
  let current: unknown = data;
  segments.forEach((segment, index) => {
    if (
      !isData(current) ||
      !Object.hasOwn(current, segment) ||
      (current as Record<string, unknown>)[segment] === undefined
    ) {
      const parent = segments.slice(0, index).join('.') || 'the template data';
      throw new TemplateError(`{{ ${path} }}: ${parent} has no "${segment}"`);
    }
    current = (current as Record<string, unknown>)[segment];
  });
  return current;
}

function isData(value: unknown): value is object {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function asText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
