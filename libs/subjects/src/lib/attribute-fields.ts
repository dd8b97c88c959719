// Building blocks for attribute schemas: every field carries its description,
// which the generated subject catalog prints.
import { z } from 'zod';

/** Slugs, keys, names, refs. */
export const SHORT_TEXT_MAX = 200;
export const TITLE_MAX = 500;
export const URL_OR_PATH_MAX = 2_000;
/** Free text such as a decision's resolution or a stale task's reason. */
export const LONG_TEXT_MAX = 10_000;

export function dbId(description: string) {
  return z.uuid().describe(description);
}

export function text(description: string, max: number = SHORT_TEXT_MAX) {
  return z.string().min(1).max(max).describe(description);
}

export function nullableText(description: string, max: number = SHORT_TEXT_MAX) {
  return z.string().min(1).max(max).nullable().describe(description);
}

export function oneOf<const T extends readonly [string, ...string[]]>(values: T, description: string) {
  return z.enum(values).describe(description);
}
