// Which Host headers --http mode accepts (DNS rebinding protection): the
// configured list, else the loopback names when bound to loopback, else none.
import type { McpConfig } from '../config/mcp-config';

const LOOPBACK_BINDS = new Set(['localhost', '::1']);
const IPV4_LOOPBACK = /^127(\.\d{1,3}){3}$/;
export const LOOPBACK_HOSTNAMES = ['localhost', '127.0.0.1', '[::1]'];

/** Whether binding `host` keeps the server reachable from this machine only. */
export function isLoopbackBind(host: string): boolean {
  return LOOPBACK_BINDS.has(host.toLowerCase()) || IPV4_LOOPBACK.test(host);
}

/** The accepted host names, or undefined when any Host is accepted. */
export function allowedHosts(config: Pick<McpConfig, 'MCP_HTTP_HOST' | 'MCP_ALLOWED_HOSTS'>): string[] | undefined {
  if (config.MCP_ALLOWED_HOSTS) return config.MCP_ALLOWED_HOSTS.split(',');
  return isLoopbackBind(config.MCP_HTTP_HOST) ? LOOPBACK_HOSTNAMES : undefined;
}
