// Field rules used across DTOs, each with its OpenAPI description, so a rule
// and its documentation cannot drift apart.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN, WORKPLAN_ID_PATTERN } from '@state-hub/db';
import {
  IsIn,
  IsNotEmpty,
  IsObject,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

type Opt = { optional?: boolean; description?: string; example?: unknown };
const doc = (o: Opt, extra: Record<string, unknown>) =>
  o.optional
    ? ApiPropertyOptional({ ...extra, description: o.description, example: o.example })
    : ApiProperty({ ...extra, description: o.description, example: o.example });
/**
 * May be left out, but not sent as null: unlike class-validator's IsOptional (which also
 * skips null), a null still has to pass the field's rules, so it is refused with a 400.
 */
export const OptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
const optional = (o: Opt) => (o.optional ? [OptionalNotNull()] : []);

/** Postgres cannot store U+0000 in text or jsonb. */
const NUL = String.fromCharCode(0);
const hasNul = (value: unknown, depth = 0): boolean => {
  if (depth > 64) return false;
  if (typeof value === 'string') return value.includes(NUL);
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  if (value && typeof value === 'object') {
    return Object.entries(value).some(([k, v]) => k.includes(NUL) || hasNul(v, depth + 1));
  }
  return false;
};

/** Refuses strings (also nested ones) holding U+0000. */
export const NoNulCharacters = () =>
  ValidateBy({
    name: 'noNulCharacters',
    validator: {
      validate: (value: unknown) => !hasNul(value),
      defaultMessage: () => '$property must not contain NUL (U+0000) characters',
    },
  });

/** Lowercase slug such as `state-hub` (≤ 64 chars). */
export const IsSlugField = (o: Opt = {}) =>
  applyDecorators(
    doc(o, { type: String, maxLength: 64, pattern: SLUG_PATTERN.source }),
    ...optional(o),
    IsString(),
    MaxLength(64),
    Matches(SLUG_PATTERN, {
      message: '$property must be a lowercase slug such as "state-hub" (a-z, 0-9, single - _ .)',
    }),
  );

/** Non-empty text up to `max` characters. */
export const IsTextField = (max: number, o: Opt = {}) =>
  applyDecorators(
    doc(o, { type: String, maxLength: max }),
    ...optional(o),
    IsString(),
    IsNotEmpty({ message: '$property must not be empty' }),
    MaxLength(max),
    NoNulCharacters(),
  );

export const IsUuidField = (o: Opt = {}) =>
  applyDecorators(
    doc(o, { type: String, format: 'uuid' }),
    ...optional(o),
    IsUUID('all', { message: '$property must be a UUID' }),
  );

/** A JSON object of free-form keys (stored as jsonb), bounded in size by the body limit. */
export const IsJsonObjectField = (o: Opt = {}) =>
  applyDecorators(
    doc(o, { type: 'object', additionalProperties: true }),
    ...optional(o),
    IsObject({ message: '$property must be a JSON object' }),
    NoNulCharacters(),
  );

/** One of a fixed set of values. */
export const IsOneOfField = (values: readonly string[], o: Opt = {}) =>
  applyDecorators(
    doc(o, { enum: values }),
    ...optional(o),
    IsIn(values, { message: `$property must be one of: ${values.join(', ')}` }),
  );

/** Workplan id such as `STATE-WP-0064`. */
export const IsWorkplanIdField = (o: Opt = {}) =>
  applyDecorators(
    doc({ example: 'STATE-WP-0064', ...o }, { type: String, maxLength: 64, pattern: WORKPLAN_ID_PATTERN.source }),
    ...optional(o),
    IsString(),
    MaxLength(64),
    Matches(WORKPLAN_ID_PATTERN, {
      message: '$property must look like STATE-WP-0064 (uppercase words and dashes, ending in a number)',
    }),
  );
