// The tool catalogue's promises, checked without a hub: names, descriptions,
// schemas, and that a bad argument never reaches the hub.
import { Logger } from '@nestjs/common';
import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { JsonSchemaType } from '@modelcontextprotocol/sdk/validation/types.js';
import { hubJsonSchema } from '@state-hub/hub-client';
import { validateConfig } from '../config/mcp-config';
import { HubApi } from '../hub/hub-api.service';
import { ALL_TOOLS } from './all-tools';
import { ToolRegistry } from './tool-registry.service';

// Bad arguments are refused before any request: the hub URL here is never used.
const registry = new ToolRegistry(new HubApi(validateConfig({ STATE_HUB_URL: 'http://hub.invalid' })));

beforeAll(() => Logger.overrideLogger(false)); // the registry logs each refusal; not needed here
afterAll(() => Logger.overrideLogger(true));

describe('the tools', () => {
  it('are snake_case, described in one line that says when to use them', () => {
    for (const tool of ALL_TOOLS) {
      expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)+$/);
      expect(tool.description).toMatch(/^Use [^\n]+$/);
      expect(tool.description.length).toBeLessThanOrEqual(160);
    }
  });

  it('write only through the two sanctioned writes; nothing creates tasks or workstreams', () => {
    const writes = ALL_TOOLS.filter((t) => t.annotations.readOnlyHint !== true).map((t) => t.name);
    expect(writes.sort()).toEqual(['add_progress_event', 'resolve_decision']);
    expect(ALL_TOOLS.map((t) => t.name).filter((n) => /create|task/.test(n))).toEqual([]);
  });

  it("answer one of the hub's component schemas: a self-contained object schema MCP clients can compile", () => {
    const clients = new AjvJsonSchemaValidator();
    for (const tool of ALL_TOOLS) {
      const schema = hubJsonSchema(tool.output);
      expect(schema['type']).toBe('object');
      expect(JSON.stringify(schema)).not.toMatch(/"\$ref"|"nullable"/);
      expect(() => clients.getValidator(schema as JsonSchemaType)).not.toThrow();
    }
  });
});

describe('ToolRegistry.call', () => {
  it('answers a bad argument with one line naming it, without asking the hub', async () => {
    const result = await registry.call('list_repos', { status: 'gone', limit: 0 });
    expect(result).toEqual({
      isError: true,
      content: [
        {
          type: 'text',
          text: "list_repos: status: must be one of 'active', 'archived', got 'gone'; limit: must be an integer between 1 and 100",
        },
      ],
    });
  });

  it('refuses get_workstream with both id and repo instead of ignoring repo, without asking the hub', async () => {
    const result = await registry.call('get_workstream', {
      id: '00000000-0000-4000-8000-000000000000',
      repo: 'state-hub',
    });
    expect(result).toEqual({
      isError: true,
      content: [{ type: 'text', text: 'get_workstream: repo goes with workplan_id only; pass id alone' }],
    });
  });

  it('treats an unknown tool as a protocol error, as the MCP spec says', async () => {
    await expect(registry.call('create_task', {})).rejects.toEqual(
      new McpError(ErrorCode.InvalidParams, "unknown tool 'create_task'; tools/list names the tools"),
    );
  });
});
