// An HTTP server that takes writes listens beyond this machine only with a token:
// the check every app runs on its HOST before it listens.
import { ConfigError } from './validate-environment';

const LOOPBACK_NAMES = new Set(['localhost', '::1']);
const IPV4_LOOPBACK = /^127(\.\d{1,3}){3}$/;

/** Whether binding `host` keeps the server reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_NAMES.has(host.toLowerCase()) || IPV4_LOOPBACK.test(host);
}

/**
 * Throws a ConfigError when `host` is not loopback and the token named `tokenName` is unset: anyone on the
 * network could then write (start definitions, resolve decisions, redrive events).
 */
export function assertNetworkAccessProtected(
  host: string,
  token: string | undefined,
  tokenName: string,
  hostName = 'HOST',
): void {
  if (token || isLoopbackHost(host)) return;
  throw new ConfigError(
    `${tokenName} must be set when ${hostName}=${host} (not loopback): without it anyone who reaches the port can write. ` +
      `Set ${tokenName} (at least 16 characters; clients send Authorization: Bearer <token>), or ${hostName}=127.0.0.1`,
  );
}
