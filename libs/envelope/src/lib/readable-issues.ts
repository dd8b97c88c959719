// Turns zod issues into short, field-named messages ("type: must look like …"),
// shared by the envelope and the subject attribute schemas.
import { z } from 'zod';
import { ENVELOPE_LIMITS } from './envelope-limits';

type PathSegment = PropertyKey;

const MAX_PREVIEW = 60;

/** A value as it appears in an error message: strings quoted and truncated, others by kind. */
export function previewValue(value: unknown): string {
  if (typeof value !== 'string') return kindOf(value);
  const escaped = JSON.stringify(value).slice(1, -1);
  return `'${escaped.length > MAX_PREVIEW ? `${escaped.slice(0, MAX_PREVIEW - 3)}...` : escaped}'`;
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** Per-parse error map: messages that say what was expected and what arrived. */
export function readableMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : `expected ${issue.expected}, got ${kindOf(issue.input)}`;
    case 'too_small':
      return tooSmallMessage(issue.origin, Number(issue.minimum));
    case 'too_big':
      return issue.origin === 'string' ? `must be at most ${Number(issue.maximum)} characters` : undefined;
    case 'invalid_format':
      return formatMessage(issue.format, issue.input);
    case 'invalid_value':
      if (issue.input === undefined) return 'required';
      return `must be one of ${issue.values.map((v) => `'${String(v)}'`).join(', ')}, got ${previewValue(issue.input)}`;
    default:
      return undefined;
  }
}

function tooSmallMessage(origin: string, minimum: number): string | undefined {
  if (origin !== 'string') return undefined;
  return minimum === 1 ? 'must not be empty' : `must be at least ${minimum} characters`;
}

function formatMessage(format: string, input: unknown): string {
  if (format === 'uuid') return `must be a UUID, got ${previewValue(input)}`;
  if (format === 'datetime') return `must be an RFC 3339 UTC timestamp ending in Z, got ${previewValue(input)}`;
  return `must be a valid ${format}, got ${previewValue(input)}`;
}

/** Formats issues as "<path>: <message>", one line per unknown key, capped in number. */
export function formatIssues(issues: readonly z.core.$ZodIssue[], at: string[] = []): string[] {
  const lines = issues.flatMap((issue) => formatIssue(issue, at));
  const cap = ENVELOPE_LIMITS.maxReportedErrors;
  return lines.length <= cap ? lines : [...lines.slice(0, cap), `... and ${lines.length - cap} more errors`];
}

function formatIssue(issue: z.core.$ZodIssue, at: string[]): string[] {
  const path = [...at, ...issue.path];
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => `${pathToString([...path, key])}: unknown field`);
  }
  return [`${pathToString(path)}: ${issue.message}`];
}

export function pathToString(path: readonly PathSegment[]): string {
  if (path.length === 0) return 'value';
  return path.map(segmentToString).join('.');
}

// Plain keys print as-is; empty, dotted or odd keys are quoted so the path stays unambiguous.
function segmentToString(segment: PathSegment): string {
  const key = String(segment);
  const max = ENVELOPE_LIMITS.maxAttributeKeyLength;
  const shown = key.length > max ? `${key.slice(0, max)}...` : key;
  return /^[A-Za-z0-9_-]+$/.test(key) ? shown : JSON.stringify(shown);
}
