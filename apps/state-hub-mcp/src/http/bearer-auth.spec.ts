import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { ConfigError } from '../config/mcp-config';
import { assertHttpAccessProtected, bearerAuth, bearerTokenProblem } from './bearer-auth';

const TOKEN = 'mcp-http-token-0123456789';
const expected = createHash('sha256').update(TOKEN).digest();

describe('assertHttpAccessProtected', () => {
  it('lets loopback binds start with or without a token', () => {
    expect(() => assertHttpAccessProtected({ MCP_HTTP_HOST: '127.0.0.1' })).not.toThrow();
    expect(() => assertHttpAccessProtected({ MCP_HTTP_HOST: 'localhost' })).not.toThrow();
    expect(() => assertHttpAccessProtected({ MCP_HTTP_HOST: '::1', MCP_HTTP_TOKEN: TOKEN })).not.toThrow();
  });

  it('lets any other bind start with a token', () => {
    expect(() => assertHttpAccessProtected({ MCP_HTTP_HOST: '0.0.0.0', MCP_HTTP_TOKEN: TOKEN })).not.toThrow();
  });

  it.each(['0.0.0.0', '::', '192.168.1.10', 'state-hub-mcp'])(
    'refuses to start on %s without a token, naming MCP_HTTP_TOKEN',
    (host) => {
      const start = () => assertHttpAccessProtected({ MCP_HTTP_HOST: host });
      expect(start).toThrow(ConfigError);
      expect(start).toThrow(new RegExp(`^MCP_HTTP_TOKEN must be set when --http binds ${host} \\(not loopback\\)`));
    },
  );
});

describe('bearerTokenProblem', () => {
  it('accepts the token, with any case of "Bearer" and trailing space', () => {
    expect(bearerTokenProblem(`Bearer ${TOKEN}`, expected)).toBeUndefined();
    expect(bearerTokenProblem(`bearer   ${TOKEN} `, expected)).toBeUndefined();
  });

  it.each([
    [undefined, /^missing bearer token: send Authorization: Bearer <MCP_HTTP_TOKEN>$/],
    ['', /^missing bearer token/],
    [TOKEN, /^malformed Authorization header: expected "Bearer <MCP_HTTP_TOKEN>"$/],
    [`Basic ${TOKEN}`, /^malformed Authorization header/],
    [`Bearer ${TOKEN} extra`, /^malformed Authorization header/],
    [`Bearer ${TOKEN}x`, /^invalid bearer token/],
    ['Bearer short', /^invalid bearer token/],
  ])('refuses %j', (header, problem) => {
    expect(bearerTokenProblem(header, expected)).toMatch(problem);
  });
});

describe('bearerAuth', () => {
  const middleware = bearerAuth(TOKEN);

  function run(method: string, path: string, authorization?: string) {
    const req = { method, path, headers: authorization === undefined ? {} : { authorization } } as Request;
    const sent: { status?: number; headers: Record<string, string>; body?: unknown } = { headers: {} };
    const res = {
      status(code: number) {
        sent.status = code;
        return this;
      },
      set(name: string, value: string) {
        sent.headers[name] = value;
        return this;
      },
      json(body: unknown) {
        sent.body = body;
        return this;
      },
    } as unknown as Response;
    const next = jest.fn() as NextFunction;
    middleware(req, res, next);
    return { sent, passed: (next as jest.Mock).mock.calls.length === 1 };
  }

  it('passes a request with the token', () => {
    expect(run('POST', '/mcp', `Bearer ${TOKEN}`).passed).toBe(true);
    expect(run('GET', '/mcp', `Bearer ${TOKEN}`).passed).toBe(true);
  });

  it('leaves the liveness probe open', () => {
    expect(run('GET', '/healthz').passed).toBe(true);
    expect(run('HEAD', '/healthz').passed).toBe(true);
  });

  it.each([
    ['POST', '/mcp', undefined],
    ['POST', '/mcp', 'Bearer wrong-token-0123456789'],
    ['GET', '/mcp', undefined],
    ['DELETE', '/mcp', undefined],
    ['POST', '/healthz', undefined],
    ['GET', '/anything-else', undefined],
  ])('answers %s %s (Authorization %j) with 401 and a JSON-RPC error', (method, path, authorization) => {
    const { sent, passed } = run(method, path, authorization);
    expect(passed).toBe(false);
    expect(sent.status).toBe(401);
    expect(sent.headers).toEqual({ 'WWW-Authenticate': 'Bearer realm="state-hub-mcp"' });
    expect(sent.body).toEqual({
      jsonrpc: '2.0',
      error: { code: -32000, message: expect.stringMatching(/^Unauthorized: (missing|invalid) bearer token/) },
      id: null,
    });
  });
});
