// The built server as a process: a bad configuration stops it with one clear
// message, and in stdio mode its stdout carries the protocol and nothing else.
import { freePort } from '@state-hub/testing';
import { spawn } from 'node:child_process';
import { MCP_MAIN } from '../testing/mcp-client';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built server with `env` (plus PATH), feeds it `input` on stdin, then closes stdin. */
function runServer(env: Record<string, string>, input: string[] = [], args: string[] = []): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MCP_MAIN, ...args], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('exit', () => clearTimeout(timer));
    // Answers arrive asynchronously; close stdin only once every request was answered.
    const expected = input.filter((line) => JSON.parse(line).id !== undefined).length;
    child.stdin.write(input.map((l) => `${l}\n`).join(''));
    const waitForAnswers = setInterval(() => {
      if (stdout.split('\n').filter(Boolean).length >= expected) {
        clearInterval(waitForAnswers);
        child.stdin.end();
      }
    }, 20);
    child.on('exit', () => clearInterval(waitForAnswers));
  });
}

const rpc = (id: number | undefined, method: string, params: Record<string, unknown> = {}) =>
  JSON.stringify({ jsonrpc: '2.0', ...(id === undefined ? {} : { id }), method, params });

describe('state-hub-mcp as a process', () => {
  it.each([
    [
      { STATE_HUB_URL: 'ftp://hub' },
      ['STATE_HUB_URL must be an http:// or https:// URL, e.g. http://127.0.0.1:3000 (got (hidden))'],
    ],
    [{ STATE_HUB_API_TOKEN: 'short' }, ['STATE_HUB_API_TOKEN must be at least 16 characters (got (hidden))']],
    [
      { LOG_LEVEL: 'loud', LOG_FORMAT: 'xml' },
      [
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got "loud")',
        'LOG_FORMAT must be one of pretty, json (got "xml")',
      ],
    ],
    [{ MCP_HTTP_TOKEN: 'short' }, ['MCP_HTTP_TOKEN must be at least 16 characters (got (hidden))']],
  ])('refuses to start with %j: exit 1, one line per bad variable on stderr, nothing on stdout', async (env, lines) => {
    const run = await runServer(env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(lines.map((l) => `state-hub-mcp: ${l}\n`).join('')); // no stack, no banner
    expect(run.stdout).toBe('');
  });

  it.each([
    [['--http', '--port', 'abc'], '--port must be an integer between 1 and 65535 (got "abc")'],
    [['--sse'], "Unknown option '--sse'"],
  ])('refuses the flags %j with exit 2 and one line naming the flag', async (args, line) => {
    const run = await runServer({}, [], args);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`state-hub-mcp: ${line} (see --help)\n`);
    expect(run.stdout).toBe('');
  });

  it.each(['0.0.0.0', '::'])(
    'refuses --http bound to %s without MCP_HTTP_TOKEN: exit 1, naming MCP_HTTP_TOKEN, nothing listening',
    async (host) => {
      const port = await freePort();
      const run = await runServer({ MCP_HTTP_HOST: host }, [], ['--http', '--port', String(port)]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`MCP_HTTP_TOKEN must be set when --http binds ${host} (not loopback)`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
      expect(run.stdout).toBe('');
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    },
  );

  it('writes only JSON-RPC to stdout in stdio mode, logs to stderr, and exits 0 when stdin closes', async () => {
    const closedPort = await freePort();
    const run = await runServer({ STATE_HUB_URL: `http://127.0.0.1:${closedPort}`, LOG_LEVEL: 'debug' }, [
      rpc(1, 'initialize', {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'raw', version: '1' },
      }),
      rpc(undefined, 'notifications/initialized'),
      rpc(2, 'tools/call', { name: 'get_next_steps', arguments: {} }),
      rpc(3, 'tools/call', { name: 'get_next_steps', arguments: { limit: 0 } }),
    ]);
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean);
    const messages = lines
      .map((line) => JSON.parse(line) as { jsonrpc: string; id: number; result: unknown })
      .sort((a, b) => a.id - b.id); // requests are served concurrently
    expect(messages.every((m) => m.jsonrpc === '2.0')).toBe(true);
    expect(messages.map((m) => m.id)).toEqual([1, 2, 3]);
    expect(messages[1].result).toMatchObject({ isError: true });
    expect(messages[2].result).toMatchObject({
      isError: true,
      content: [{ type: 'text', text: 'get_next_steps: limit: must be an integer between 1 and 100' }],
    });
    expect(run.stderr).toContain('serving MCP on stdio');
    expect(run.stderr).toContain('ECONNREFUSED');
    expect(run.stderr).toContain('stopping: stdin closed');
  });
});
