// What an agent must be able to rely on when a tool call fails.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { callTool, textOf } from './mcp-client';

export const TEST_TOKEN = 'mcp-e2e-token-0123456789';

/** The tool failed with exactly one line of text matching `reason`; returns that line. */
export async function expectToolError(
  client: Client,
  name: string,
  args: Record<string, unknown>,
  reason: RegExp,
): Promise<string> {
  const result = await callTool(client, name, args);
  expect(result.isError).toBe(true);
  expect(result.structuredContent).toBeUndefined();
  const text = textOf(result);
  expect(text).not.toContain('\n');
  expect(text).toMatch(reason);
  return text;
}

/** The session still answers a real call with a real answer. */
export async function expectStillServing(client: Client): Promise<void> {
  const result = await callTool(client, 'get_next_steps', { limit: 1 });
  expect(result.isError).toBeFalsy();
  expect(result.structuredContent).toHaveProperty('items');
}
