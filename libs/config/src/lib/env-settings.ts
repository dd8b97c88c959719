// Building blocks for each app's one validated configuration class: every
// decorator's message names the variable, so a bad value stops the app with a
// line the operator can act on.
import { Transform } from 'class-transformer';
import { registerSecret } from './secrets';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

/** `pretty`: one readable line per record, for a person at a terminal; `json`: one JSON object per line. */
export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormatName = (typeof LOG_FORMATS)[number];

/** LOG_FORMAT's default: `pretty` when the stream the logs go to is a terminal, else `json`. */
export const defaultLogFormat = (stream: { isTTY?: boolean }): LogFormatName => (stream.isTTY ? 'pretty' : 'json');

/** An empty variable (`FOO=`) counts as unset. */
export const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/** Digits become a number; anything else is left for the validator to refuse. */
export const toInt = ({ value }: { value: unknown }) =>
  value === '' || value === undefined ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * The decorators, in order, on one property: what Nest's applyDecorators does for a property, without loading Nest
 * into every process that reads its settings (the CLI reads them on each start).
 */
function applyDecorators(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, property) => {
    for (const decorator of decorators) decorator(target, property);
  };
}

/** An optional integer variable within [min, max]. */
export function IntSetting(name: string, min: number, max: number): PropertyDecorator {
  const message = `${name} must be an integer between ${min} and ${max}`;
  return applyDecorators(
    IsOptional(),
    Transform(toInt),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}

/**
 * An optional secret: 16–512 characters without whitespace (it travels as `Bearer <token>`). Its value is
 * registered as a secret, so it is hidden wherever the app stores, logs or answers text.
 */
export function TokenSetting(name: string): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => {
      if (value === '') return undefined;
      if (typeof value === 'string') registerSecret(value);
      return value;
    }),
    IsString(),
    MinLength(16, { message: `${name} must be at least 16 characters` }),
    MaxLength(512, { message: `${name} must be at most 512 characters` }),
    Matches(/^\S+$/, { message: `${name} must not contain whitespace` }),
  );
}

/** An optional `LOG_LEVEL`-style variable. */
export function LogLevelSetting(name = 'LOG_LEVEL'): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsIn(LOG_LEVELS, { message: `${name} must be one of ${LOG_LEVELS.join(', ')}` }),
  );
}

/** An optional `LOG_FORMAT`-style variable (`pretty` or `json`). */
export function LogFormatSetting(name = 'LOG_FORMAT'): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsIn(LOG_FORMATS, { message: `${name} must be one of ${LOG_FORMATS.join(', ')}` }),
  );
}

/** An optional true/false variable (also 1/0, yes/no, on/off); empty means the fallback. */
export function BoolSetting(name: string, fallback: boolean): PropertyDecorator {
  const words: Record<string, boolean> = { true: true, '1': true, yes: true, on: true };
  for (const w of ['false', '0', 'no', 'off']) words[w] = false;
  return applyDecorators(
    IsOptional(),
    Transform(({ value }) =>
      value === '' || value === undefined ? fallback : (words[String(value).toLowerCase()] ?? value),
    ),
    IsBoolean({ message: `${name} must be true or false` }),
  );
}
