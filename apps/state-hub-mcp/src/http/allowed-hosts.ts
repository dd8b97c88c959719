// Which Host headers --http mode accepts (DNS rebinding protection): the
// configured list, else the loopback names when bound to loopback, else none.
import type { McpConfig } from '../config/mcp-config';

const LOOPBACK_BINDS = new Set(['127.0.0.1', 'localhost', '::1']);
export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/** The accepted host names, or undefined when any Host is accepted. */
export function allowedHosts(config: Pick<McpConfig, 'MCP_HTTP_HOST' | 'MCP_ALLOWED_HOSTS'>): string[] | undefined {
  if (config.MCP_ALLOWED_HOSTS) return config.MCP_ALLOWED_HOSTS.split(',');
  return LOOPBACK_BINDS.has(config.MCP_HTTP_HOST) ? LOOPBACK_HOSTNAMES : undefined;
}
