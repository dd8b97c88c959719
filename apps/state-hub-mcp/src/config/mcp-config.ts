// The MCP server's one typed, validated configuration object. Nothing else
// reads process.env: a bad value stops the server at start, naming the variable.
import {
  ConfigError,
  defaultLogFormat,
  emptyToUndefined,
  IntSetting,
  type LogFormatName,
  LogFormatSetting,
  type LogLevelName,
  LogLevelSetting,
  TokenSetting,
  validateEnvironment,
} from '@state-hub/config';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';

export { ConfigError, type LogFormatName, type LogLevelName };

const withoutTrailingSlash = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().replace(/\/+$/, '') : value;

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

  /** Sent as `Authorization: Bearer` on every request to the hub (the hub checks it on writes). */
  @TokenSetting('STATE_HUB_API_TOKEN')
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
  @TokenSetting('MCP_HTTP_TOKEN')
  MCP_HTTP_TOKEN?: string;

  /** Host header names accepted in --http mode (DNS rebinding protection); default: loopback names when bound to loopback. */
  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(HOST_LIST, { message: 'MCP_ALLOWED_HOSTS must be host names separated by commas, e.g. localhost,127.0.0.1' })
  MCP_ALLOWED_HOSTS?: string;

  @LogLevelSetting()
  LOG_LEVEL: LogLevelName = 'info';

  /** Logs go to stderr: readable lines when it is a terminal, JSON lines otherwise. */
  @LogFormatSetting()
  LOG_FORMAT: LogFormatName = defaultLogFormat(process.stderr);
}

/** The configuration from this process's environment (the only place that reads it). */
export function loadConfig(): McpConfig {
  return validateConfig(process.env);
}

/** Validates raw environment values; throws a ConfigError naming every bad variable. */
export function validateConfig(raw: Record<string, unknown>): McpConfig {
  return validateEnvironment(McpConfig, raw);
}
