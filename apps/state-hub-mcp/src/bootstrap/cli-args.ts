// Command line of the server: stdio by default, `--http [--port N]` for Streamable HTTP.
// A bad flag is a UsageError (exit 2), told apart from a bad setting (ConfigError, exit 1).
import { parseArgs } from 'node:util';

export const DEFAULT_HTTP_PORT = 3100;

export type CliArgs = { mode: 'stdio' } | { mode: 'http'; port: number } | { mode: 'help' };

/** A bad flag or flag combination; the message names it. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = `Usage: state-hub-mcp [--http [--port N]]
  (no flags)   serve MCP over stdio (what desktop and CLI clients launch)
  --http       serve MCP over Streamable HTTP on /mcp (bound to MCP_HTTP_HOST, default 127.0.0.1;
               any other address needs MCP_HTTP_TOKEN, which clients send as Authorization: Bearer)
  --port N     HTTP port (default ${DEFAULT_HTTP_PORT})
Environment: STATE_HUB_URL, STATE_HUB_API_TOKEN, STATE_HUB_TIMEOUT_MS, MCP_HTTP_HOST, MCP_HTTP_TOKEN,
  MCP_ALLOWED_HOSTS, LOG_LEVEL, LOG_FORMAT`;

export function parseCliArgs(argv: string[]): CliArgs {
  let values: { http?: boolean; port?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { http: { type: 'boolean' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  if (values.help) return { mode: 'help' };
  if (values.port !== undefined && !values.http) throw new UsageError('--port needs --http');
  if (!values.http) return { mode: 'stdio' };
  if (values.port === undefined) return { mode: 'http', port: DEFAULT_HTTP_PORT };
  const port = /^\d+$/.test(values.port) ? Number(values.port) : NaN;
  if (!(port >= 1 && port <= 65535)) {
    throw new UsageError(`--port must be an integer between 1 and 65535 (got ${JSON.stringify(values.port)})`);
  }
  return { mode: 'http', port };
}
