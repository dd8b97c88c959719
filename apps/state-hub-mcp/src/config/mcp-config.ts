// The MCP server's one typed, validated configuration object. Nothing else
// reads process.env: a bad value stops the server at start, naming the variable.
import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);
const toInt = ({ value }: { value: unknown }) =>
  value === '' || value === undefined ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;
const withoutTrailingSlash = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value;

/** An optional integer variable within [min, max]; the message names the variable and its range. */
function IntSetting(name: string, min: number, max: number): PropertyDecorator {
  const message = `${name} must be an integer between ${min} and ${max}`;
  return applyDecorators(
    IsOptional(),
    Transform(toInt),
    IsInt({ message }),
    Min(min, { message }),
    Max(max, { message }),
  );
}

/** http(s)://host[:port][/base-path], no query or fragment. */
const HTTP_URL = /^https?:\/\/[^\s/?#@]+(\/[^\s?#]*)?$/;
/** Comma-separated host names, e.g. `localhost,127.0.0.1,state-hub-mcp`. */
const HOST_LIST = /^[A-Za-z0-9.\-[\]:]+(,[A-Za-z0-9.\-[\]:]+)*$/;

export class McpConfig {
  /** Base URL of the state hub's HTTP API. */
  @IsOptional()
  @Transform(withoutTrailingSlash)
  @Matches(HTTP_URL, { message: 'STATE_HUB_URL must be an http:// or https:// URL, e.g. http://127.0.0.1:3000' })
  STATE_HUB_URL = 'http://127.0.0.1:3000';

  /** Sent as `Authorization: Bearer` on writes. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16, { message: 'STATE_HUB_API_TOKEN must be at least 16 characters' })
  @MaxLength(512, { message: 'STATE_HUB_API_TOKEN must be at most 512 characters' })
  STATE_HUB_API_TOKEN?: string;

  /** Per request to the hub, body included. */
  @IntSetting('STATE_HUB_TIMEOUT_MS', 100, 120000)
  STATE_HUB_TIMEOUT_MS = 10000;

  /** Bind address in --http mode. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @Matches(/^[A-Za-z0-9.:-]+$/, { message: 'MCP_HTTP_HOST must be a host name or IP address' })
  MCP_HTTP_HOST = '127.0.0.1';

  /**
   * Bearer token clients must send on every request to /mcp in --http mode. Required when
   * --http binds a non-loopback address: the endpoint acts with STATE_HUB_API_TOKEN.
   */
  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(16, { message: 'MCP_HTTP_TOKEN must be at least 16 characters' })
  @MaxLength(512, { message: 'MCP_HTTP_TOKEN must be at most 512 characters' })
  @Matches(/^\S+$/, { message: 'MCP_HTTP_TOKEN must not contain whitespace' })
  MCP_HTTP_TOKEN?: string;

  /** Host header names accepted in --http mode (DNS rebinding protection); default: loopback names when bound to loopback. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(HOST_LIST, { message: 'MCP_ALLOWED_HOSTS must be host names separated by commas, e.g. localhost,127.0.0.1' })
  MCP_ALLOWED_HOSTS?: string;

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: LogLevelName = 'info';
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The configuration from this process's environment (the only place that reads it). */
export function loadConfig(): McpConfig {
  return validateConfig(process.env);
}

/** Validates raw environment values; throws a ConfigError naming every bad variable. */
export function validateConfig(raw: Record<string, unknown>): McpConfig {
  const config = plainToInstance(McpConfig, raw, { exposeDefaultValues: true });
  const errors = validateSync(config, { skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.map((e) => {
      const shown = /TOKEN/.test(e.property) ? '(hidden)' : JSON.stringify(e.value);
      return `  ${Object.values(e.constraints ?? {})[0] ?? `${e.property} is invalid`} (got ${shown})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
