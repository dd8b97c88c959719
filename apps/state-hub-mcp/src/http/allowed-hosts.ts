// Which Host headers --http mode accepts (DNS rebinding protection): the
// configured list, else the loopback names when bound to loopback, else none.
import { isLoopbackHost } from '@state-hub/config';
import type { McpConfig } from '../config/mcp-config';

export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Whether binding `host` keeps the server reachable from this machine only. */
export const isLoopbackBind = isLoopbackHost;

/** The accepted host names, or undefined when any Host is accepted. */
export function allowedHosts(config: Pick<McpConfig, 'MCP_HTTP_HOST' | 'MCP_ALLOWED_HOSTS'>): string[] | undefined {
  if (config.MCP_ALLOWED_HOSTS) return config.MCP_ALLOWED_HOSTS.split(',');
  return isLoopbackBind(config.MCP_HTTP_HOST) ? LOOPBACK_HOSTNAMES : undefined;
}
