// Each workstream as a readable resource, statehub://workstreams/{workplan_id}:
// listed by paging through GET /workstreams, read as markdown.
import { Injectable, Logger } from '@nestjs/common';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import {
  ErrorCode,
  type ListResourcesResult,
  McpError,
  type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import { HubClient } from '../hub/hub-client.service';
import { HubError } from '../hub/hub-error';
import { pageSchema, WorkstreamViewSchema } from '../hub/hub-views';
import { WORKPLAN_ID_PATTERN } from '../hub/hub-vocabulary';
import { findWorkstreamByWorkplanId } from '../hub/workstream-lookup';
import { renderWorkstreamMarkdown } from './workstream-markdown';

export const WORKSTREAM_URI_TEMPLATE = 'statehub://workstreams/{workplan_id}';
const PAGE_SIZE = 200;
/** Enough for any organisation we know; a listing never reads the whole table unbounded. */
const MAX_LISTED = 2000;
/** JSON-RPC code the MCP spec gives "resource not found". */
const RESOURCE_NOT_FOUND = -32002;

const WorkstreamPageSchema = pageSchema(WorkstreamViewSchema);

@Injectable()
export class WorkstreamResource {
  private readonly logger = new Logger(WorkstreamResource.name);

  constructor(private readonly hub: HubClient) {}

  register(server: McpServer): void {
    server.registerResource(
      'workstream',
      new ResourceTemplate(WORKSTREAM_URI_TEMPLATE, { list: () => this.list() }),
      {
        title: 'Workstream',
        description: "A workplan's title, status and tasks, as markdown",
        mimeType: 'text/markdown',
      },
      (uri, variables) => this.read(uri, variables),
    );
  }

  async list(): Promise<ListResourcesResult> {
    const resources: ListResourcesResult['resources'] = [];
    try {
      for (let offset = 0; offset < MAX_LISTED; offset += PAGE_SIZE) {
        const page = await this.hub.get('/workstreams', WorkstreamPageSchema, { limit: PAGE_SIZE, offset });
        for (const ws of page.items) {
          resources.push({
            uri: `statehub://workstreams/${encodeURIComponent(ws.workplan_id)}`,
            name: ws.workplan_id,
            title: ws.title,
            description: `${ws.status} workstream in ${ws.repo}`,
            mimeType: 'text/markdown',
          });
        }
        if (offset + page.items.length >= page.total || page.items.length === 0) break;
      }
    } catch (err) {
      throw this.asMcpError('resources/list', err);
    }
    return { resources };
  }

  async read(uri: URL, variables: Variables): Promise<ReadResourceResult> {
    const raw = variables['workplan_id'];
    const workplanId = safeDecode(Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''));
    if (workplanId === undefined || !WORKPLAN_ID_PATTERN.test(workplanId)) {
      throw new McpError(ErrorCode.InvalidParams, `${uri.href}: not a workplan id such as STATE-WP-0064`);
    }
    try {
      const ws = await findWorkstreamByWorkplanId(this.hub, workplanId);
      return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderWorkstreamMarkdown(ws) }] };
    } catch (err) {
      throw this.asMcpError(uri.href, err);
    }
  }

  /** Resource failures are protocol errors (the MCP way), with the same one-line reasons as the tools. */
  private asMcpError(what: string, err: unknown): McpError {
    if (!(err instanceof HubError)) {
      this.logger.error(`${what} failed unexpectedly`, err instanceof Error ? err.stack : String(err));
      return new McpError(
        ErrorCode.InternalError,
        `${what}: internal error in the MCP server (its log has the details)`,
      );
    }
    this.logger.warn(`${what}: ${err.message}`);
    const code =
      err.kind === 'not_found' || err.status === 404
        ? RESOURCE_NOT_FOUND
        : err.kind === 'ambiguous'
          ? ErrorCode.InvalidParams
          : ErrorCode.InternalError;
    return new McpError(code, `${what}: ${err.message}`);
  }
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // malformed %-escape: reported as not a workplan id
  }
}
