// Turns zod issues into field-named messages: "trigger.timezone: unknown IANA
// timezone …", "instruction.methd: unknown field".
import type { z } from 'zod';
import { fieldPathText, type FieldPath } from './field-path';

export interface FieldIssue {
  path: FieldPath;
  message: string;
  /** Point at the key (unknown fields) rather than the value. */
  at: 'key' | 'value';
}

const MAX_ISSUES = 50;

export function schemaIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldIssue[] {
  return issues.flatMap((issue) => toFieldIssues(issue, input)).slice(0, MAX_ISSUES);
}

function toFieldIssues(issue: z.core.$ZodIssue, input: unknown): FieldIssue[] {
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const keyPath = [...path, key];
      return { path: keyPath, at: 'key', message: `${fieldPathText(keyPath)}: unknown field` };
    });
  }
  if (issue.code === 'invalid_key') {
    const inner = issue.issues[0]?.message ?? 'invalid key';
    return [{ path, at: 'key', message: `${fieldPathText(path)}: ${inner}` }];
  }
  return [{ path, at: 'value', message: `${fieldPathText(path)}: ${describeIssue(issue, valueAt(input, path))}` }];
}

function describeIssue(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'required' : `expected ${article(issue.expected)}, got ${preview(value)}`;
    case 'invalid_value':
      return `must be ${oneOf(issue.values)}, got ${preview(value)}`;
    case 'invalid_union':
      if ('options' in issue && issue.discriminator && issue.options) {
        const got = value === undefined ? 'missing' : `got ${preview(value)}`;
        return `must be ${oneOf(issue.options)}, ${got}`;
      }
      return `not a valid value (got ${preview(value)})`;
    case 'too_big':
      return bound('at most', issue.origin, Number(issue.maximum));
    case 'too_small':
      return bound('at least', issue.origin, Number(issue.minimum));
    case 'not_multiple_of':
      return `must be a multiple of ${Number(issue.divisor)}`;
    default:
      // invalid_format and custom issues carry the schema's own message.
      return issue.message;
  }
}

function bound(word: string, origin: string, limit: number): string {
  if (origin === 'string')
    return limit === 1 && word === 'at least' ? 'must not be empty' : `must be ${word} ${limit} characters`;
  if (origin === 'array') return `must have ${word} ${limit} item${limit === 1 ? '' : 's'}`;
  return `must be ${word} ${limit}`;
}

const ARTICLES: Record<string, string> = {
  int: 'an integer',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
  object: 'a mapping',
  record: 'a mapping',
  array: 'a list',
};

function article(expected: string): string {
  return ARTICLES[expected] ?? expected;
}

function oneOf(values: readonly unknown[]): string {
  const quoted = values.map((v) => (typeof v === 'string' ? `'${v}'` : String(v)));
  return quoted.length === 1 ? quoted[0] : `one of ${quoted.join(', ')}`;
}

export function preview(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

function valueAt(input: unknown, path: FieldPath): unknown {
  let current = input;
  for (const segment of path) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}
