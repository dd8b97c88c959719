// The envelope's `attributes`: a plain JSON object with snake_case top-level keys
// and JSON values only, so that encode/decode round-trips exactly.
import { z } from 'zod';
import { ENVELOPE_LIMITS } from './envelope-limits';
import { kindOf, previewValue } from './readable-issues';

export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-z0-9_]*$/;

type Problem = { path: (string | number)[]; message: string };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The publisher's rule: snake_case top-level keys, plain JSON values. */
export const attributesSchema = jsonObjectSchema(true);

/**
 * The reader's rule (a tolerant consumer, DESIGN §3): keys of any form, plain JSON values,
 * nesting capped so a hostile message stays cheap to look at.
 */
export const readerAttributesSchema = jsonObjectSchema(false);

function jsonObjectSchema(checkKeys: boolean) {
  return z
    .custom<Record<string, unknown>>(isPlainObject, {
      error: (issue) => `expected a JSON object, got ${kindOf(issue.input)}`,
    })
    .superRefine((attributes, ctx) => {
      for (const [key, value] of Object.entries(attributes)) {
        const keyProblem = checkKeys ? checkKey(key) : undefined;
        if (keyProblem) ctx.addIssue({ code: 'custom', path: [key], message: keyProblem });
        const valueProblem = findNonJson(value, 1);
        if (valueProblem) {
          ctx.addIssue({ code: 'custom', path: [key, ...valueProblem.path], message: valueProblem.message });
        }
      }
    });
}

function checkKey(key: string): string | undefined {
  if (key.length > ENVELOPE_LIMITS.maxAttributeKeyLength) {
    return `key must be at most ${ENVELOPE_LIMITS.maxAttributeKeyLength} characters`;
  }
  if (!ATTRIBUTE_KEY_PATTERN.test(key)) return `key must be snake_case (${ATTRIBUTE_KEY_PATTERN.source})`;
  return undefined;
}

/** The first place where `value` is not plain JSON (or nests too deep), if any. */
function findNonJson(value: unknown, depth: number): Problem | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') {
    return Number.isFinite(value) ? undefined : { path: [], message: `must be a finite number, got ${value}` };
  }
  if (typeof value !== 'object') return { path: [], message: `must be a JSON value, got ${previewValue(value)}` };
  if (depth > ENVELOPE_LIMITS.maxAttributeDepth) {
    return { path: [], message: `nests deeper than ${ENVELOPE_LIMITS.maxAttributeDepth} levels` };
  }
  if (Array.isArray(value))
    return findInEntries(
      Array.from(value, (item: unknown, index) => [index, item] as const),
      depth,
    );
  if (!isPlainObject(value)) return { path: [], message: 'must be a plain JSON object' };
  return findInEntries(Object.entries(value), depth);
}

function findInEntries(entries: readonly (readonly [string | number, unknown])[], depth: number): Problem | undefined {
  for (const [key, item] of entries) {
    const problem = findNonJson(item, depth + 1);
    if (problem) return { path: [key, ...problem.path], message: problem.message };
  }
  return undefined;
}
