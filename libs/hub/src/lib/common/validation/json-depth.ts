// Refuses a request body nested deeper than MAX_JSON_DEPTH before validation sees it: class-transformer recurses
// once per level, so a body of a few thousand nested arrays overflowed the stack and answered 500. The hub's
// validation pipe runs this first on every body (hub-validation.pipe.ts).
import { BadRequestException } from '@nestjs/common';

/** Far deeper than any real `detail` or `extra` object, far shallower than the stack allows. */
export const MAX_JSON_DEPTH = 64;
/** The deepest limit the check takes: its walk recurses once per level up to the limit. */
const MAX_LIMIT = 1000;

/** Whether `value` holds an object or array at `depth` (its own being `depth`) or deeper than `limit` allows. */
function reachesLimit(value: unknown, depth: number, limit: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= limit) return true;
  // Recursion is bounded by `limit` (the walk stops there), so the check cannot overflow on what it guards against.
  // No tuples or entry pairs are built: this runs on every request body.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (reachesLimit(value[i], depth + 1, limit)) return true;
    return false;
  }
  for (const key in value) {
    if (Object.hasOwn(value, key) && reachesLimit((value as Record<string, unknown>)[key], depth + 1, limit)) {
      return true;
    }
  }
  return false;
}

/** The top-level field under which `value` nests deeper than `limit` levels ('' for the body itself), if any. */
export function tooDeepField(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  if (!Number.isInteger(limit) || limit > MAX_LIMIT) {
    throw new RangeError(`the depth limit must be a whole number up to ${MAX_LIMIT}, not ${limit}`);
  }
  if (value === null || typeof value !== 'object') return undefined;
  if (limit <= 0) return '';
  if (Array.isArray(value)) return reachesLimit(value, 0, limit) ? '' : undefined;
  for (const key in value) {
    if (Object.hasOwn(value, key) && reachesLimit((value as Record<string, unknown>)[key], 1, limit)) return key;
  }
  return undefined;
}

/**
 * Throws a 400 naming the top-level field of a parsed body nested too deep. Raw bytes (a webhook's body) are not
 * parsed JSON and pass: the webhooks check the depth of what they parse themselves.
 */
export function refuseTooDeepBody(body: unknown): void {
  if (ArrayBuffer.isView(body)) return;
  const field = tooDeepField(body);
  if (field === undefined) return;
  const message = `${field || 'request body'} is nested deeper than ${MAX_JSON_DEPTH} levels`;
  throw new BadRequestException({ message, field: field || undefined, details: [{ field, message }] });
}
