// Field rules used across DTOs, each with its OpenAPI description, so a rule
// and its documentation cannot drift apart.
import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SLUG_PATTERN, WORKPLAN_ID_PATTERN } from '@state-hub/db';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

type Opt = { optional?: boolean; description?: string; example?: unknown };
const doc = (o: Opt, extra: Record<string, unknown>) =>
  o.optional
    ? ApiPropertyOptional({ ...extra, description: o.description, example: o.example })
    : ApiProperty({ ...extra, description: o.description, example: o.example });
const optional = (o: Opt) => (o.optional ? [IsOptional()] : []);

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
