// Serves tools/list and tools/call. Arguments are validated here rather than
// by McpServer.registerTool: the SDK reports schema failures as multi-line
// "Input validation error" text, and agents get a one-line reason naming the
// argument instead. Every failure is a tool result with isError, never a
// protocol error, so the session goes on.
import { Injectable, Logger } from '@nestjs/common';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  type CallToolResult,
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import { parseWithSchema } from '@state-hub/envelope';
import { hubJsonSchema } from '@state-hub/hub-client';
import { z } from 'zod';
import { HubApi } from '../hub/hub-api.service';
import { HubError } from '../hub/hub-error';
import { ALL_TOOLS } from './all-tools';
import { type ToolDefinition, ToolInputError } from './tool-definition';

const MAX_REASON_CHARS = 1000;

@Injectable()
export class ToolRegistry {
  private readonly logger = new Logger('Tools');
  private readonly byName = new Map<string, ToolDefinition>(ALL_TOOLS.map((t) => [t.name, t]));
  private readonly listing: Tool[] = ALL_TOOLS.map(describeTool);

  constructor(private readonly hub: HubApi) {}

  /** Declares the tools capability on `server` (before it connects) and answers tools/list and tools/call. */
  install(server: Server): void {
    server.registerCapabilities({ tools: { listChanged: false } });
    server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: this.listing }));
    server.setRequestHandler(CallToolRequestSchema, (request) =>
      this.call(request.params.name, request.params.arguments ?? {}),
    );
  }

  async call(name: string, args: unknown): Promise<CallToolResult> {
    const tool = this.byName.get(name);
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `unknown tool '${name}'; tools/list names the tools`);
    const parsed = parseWithSchema(tool.input, args);
    if (!parsed.ok) return this.failure(name, parsed.errors.join('; '));
    const started = Date.now();
    try {
      const { data, text } = await tool.run(parsed.data, this.hub);
      this.logger.debug(`${name} answered in ${Date.now() - started} ms`);
      return { content: [{ type: 'text', text }], structuredContent: data };
    } catch (err) {
      if (err instanceof HubError || err instanceof ToolInputError) return this.failure(name, err.message);
      this.logger.error(`${name} failed unexpectedly`, err instanceof Error ? err.stack : String(err));
      return this.failure(name, 'internal error in the MCP server (its log has the details)');
    }
  }

  private failure(name: string, reason: string): CallToolResult {
    const line = `${name}: ${reason}`.replace(/\s*[\r\n]+\s*/g, ' ');
    const text = line.length > MAX_REASON_CHARS ? `${line.slice(0, MAX_REASON_CHARS - 3)}...` : line;
    this.logger.warn(text);
    return { isError: true, content: [{ type: 'text', text }] };
  }
}

function describeTool(tool: ToolDefinition): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: inputJsonSchema(tool.input),
    // The hub's own schema of the answer, from its OpenAPI document: what the hub promises is what the tool promises.
    outputSchema: { ...hubJsonSchema(tool.output), type: 'object' },
    annotations: tool.annotations,
  };
}

/** JSON Schema (draft-07, what the SDK's clients validate with) of the tool's own input schema. */
function inputJsonSchema(schema: z.ZodObject): Tool['inputSchema'] {
  const json: Record<string, unknown> = z.toJSONSchema(schema, { target: 'draft-7', io: 'input' });
  return { ...json, type: 'object' };
}
