// Authentication of --http mode. The endpoint acts with the hub's token, so
// whoever reaches it can write to the hub: with MCP_HTTP_TOKEN set, every
// request except the liveness probe (GET /healthz) needs
// `Authorization: Bearer <MCP_HTTP_TOKEN>`, and without it the server only
// listens on loopback (refused at start otherwise).
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError, type McpConfig } from '../config/mcp-config';
import { isLoopbackBind } from './allowed-hosts';

const digest = (s: string) => createHash('sha256').update(s).digest();
const OPEN_ROUTES = new Set(['GET /healthz', 'HEAD /healthz']);

/** Stops the start of --http mode on a non-loopback address without MCP_HTTP_TOKEN. */
export function assertHttpAccessProtected(config: Pick<McpConfig, 'MCP_HTTP_HOST' | 'MCP_HTTP_TOKEN'>): void {
  if (config.MCP_HTTP_TOKEN || isLoopbackBind(config.MCP_HTTP_HOST)) return;
  throw new ConfigError(
    `MCP_HTTP_TOKEN must be set when --http binds ${config.MCP_HTTP_HOST} (not loopback): ` +
      'anyone who reaches /mcp acts with the hub token. Set MCP_HTTP_TOKEN (at least 16 characters; ' +
      'clients send it as Authorization: Bearer), or bind MCP_HTTP_HOST=127.0.0.1',
  );
}

/** Why the Authorization header does not carry `expected`, or undefined when it does. */
export function bearerTokenProblem(header: string | undefined, expected: Buffer): string | undefined {
  if (!header) return 'missing bearer token: send Authorization: Bearer <MCP_HTTP_TOKEN>';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return 'malformed Authorization header: expected "Bearer <MCP_HTTP_TOKEN>"';
  // Compare fixed-length digests so the check takes the same time for any token.
  if (!timingSafeEqual(digest(match[1]), expected)) return "invalid bearer token: send the MCP server's MCP_HTTP_TOKEN";
  return undefined;
}

/** Express middleware: 401 (a JSON-RPC error body, like the transport's own refusals) without the token. */
export function bearerAuth(token: string): RequestHandler {
  const expected = digest(token);
  return (req: Request, res: Response, next: NextFunction) => {
    if (OPEN_ROUTES.has(`${req.method} ${req.path}`)) return next();
    const problem = bearerTokenProblem(req.headers.authorization, expected);
    if (problem === undefined) return next();
    res
      .status(401)
      .set('WWW-Authenticate', 'Bearer realm="state-hub-mcp"')
      .json({ jsonrpc: '2.0', error: { code: -32000, message: `Unauthorized: ${problem}` }, id: null });
  };
}
