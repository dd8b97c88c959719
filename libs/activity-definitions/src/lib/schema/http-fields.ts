// Fields shared by http context sources and http instructions.
import { z } from 'zod';
import { HEADER_NAME_PATTERN } from './names';

const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

/** Absolute http(s) URL; `{{ … }}` placeholders are allowed and rendered per run. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.replace(PLACEHOLDER, 'x'));
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

export const HttpUrlSchema = z
  .string()
  .refine(isHttpUrl, { error: (issue) => `must be an absolute http(s) URL, got ${JSON.stringify(issue.input)}` })
  .describe('Absolute http(s) URL. ${VAR} is replaced from the environment at load time, {{ path }} per run.');

export const HeadersSchema = z
  .record(
    z.string().regex(HEADER_NAME_PATTERN, { error: 'header names are HTTP tokens (letters, digits, - and _)' }),
    z.string().refine((value) => !/[\r\n]/.test(value), { error: 'header values must not contain line breaks' }),
  )
  .describe('HTTP request headers; values may use ${VAR} and {{ path }}.');

export function timeoutSeconds(defaultSeconds: number | undefined, maxSeconds: number) {
  const schema = z.int().min(1).max(maxSeconds);
  const described = `Seconds before it is abandoned (1..${maxSeconds})`;
  return defaultSeconds === undefined
    ? schema.describe(`${described}.`)
    : schema.default(defaultSeconds).describe(`${described}, default ${defaultSeconds}.`);
}
