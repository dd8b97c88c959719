// The SDK's own Client, connected to the BUILT server (dist/apps/state-hub-mcp)
// over stdio or Streamable HTTP, the way an agent's MCP client connects.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './hub-process';

export const MCP_MAIN = join(WORKSPACE_ROOT, 'dist/apps/state-hub-mcp/main.js');

export interface StdioSession {
  client: Client;
  /** What the server wrote to stderr (its logs). */
  stderr(): string;
  close(): Promise<void>;
}

function assertBuilt(): void {
  if (!existsSync(MCP_MAIN)) throw new Error(`${MCP_MAIN} is missing: run \`npx nx build state-hub-mcp\` first`);
}

/** Spawns the server with only the given variables (plus PATH) and connects. */
export async function connectStdio(env: Record<string, string | undefined>): Promise<StdioSession> {
  assertBuilt();
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [MCP_MAIN],
    env: Object.fromEntries(
      Object.entries({ PATH: process.env['PATH'], ...env }).filter((e): e is [string, string] => e[1] !== undefined),
    ),
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const client = new Client({ name: 'state-hub-mcp-e2e', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => stderr, close: () => client.close() };
}

/** Connects over Streamable HTTP, sending `headers` (e.g. Authorization) with every request. */
export async function connectHttp(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: 'state-hub-mcp-e2e', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** The text a tool answered (all text parts, joined). */
export function textOf(result: unknown): string {
  const content = (result as CallToolResult).content ?? [];
  return content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/** Calls a tool; the result typed as the CallToolResult it is. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}
