// Refuses a request body nested deeper than MAX_JSON_DEPTH before validation sees it: class-transformer recurses
// once per level, so a body of a few thousand nested arrays overflowed the stack and answered 500. The hub's
// validation pipe runs this first on every body (hub-validation.pipe.ts).
import { BadRequestException } from '@nestjs/common';

/** Far deeper than any real `detail` or `extra` object, far shallower than the stack allows. */
export const MAX_JSON_DEPTH = 64;

/** The top-level field under which `value` nests deeper than `limit` levels ('' for the body itself), if any. */
export function tooDeepField(value: unknown, limit = MAX_JSON_DEPTH): string | undefined {
  // Iterative on purpose: the check must not overflow on the input it guards against.
  const stack: [value: unknown, depth: number, field: string][] = [[value, 0, '']];
  while (stack.length > 0) {
    const [current, depth, field] = stack.pop() as [unknown, number, string];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return field;
    const top = depth === 0 && !Array.isArray(current);
    for (const [key, child] of Object.entries(current)) stack.push([child, depth + 1, top ? key : field]);
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
