// Each workstream as a readable resource, statehub://workstreams/{workplan_id}:
// listed by paging through GET /workstreams, read as markdown. Workplan ids are
// unique per repo only, so a workplan id that several repos share is listed once
// per repo as statehub://workstreams/{workplan_id}?repo={slug}; the plain form
// reads a workplan id that exactly one repo has.
import { Injectable, Logger } from '@nestjs/common';
import { type McpServer, ResourceTemplate } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { Variables } from '@modelcontextprotocol/sdk/shared/uriTemplate.js';
import {
  ErrorCode,
  type ListResourcesResult,
  McpError,
  type ReadResourceResult,
} from '@modelcontextprotocol/sdk/types.js';
import { type HubSchemas, SLUG_PATTERN, WORKPLAN_ID_PATTERN } from '@state-hub/hub-client';
import { HubApi } from '../hub/hub-api.service';
import { HubError } from '../hub/hub-error';
import { findWorkstreamByWorkplanId } from '../hub/workstream-lookup';
import { renderWorkstreamMarkdown } from './workstream-markdown';

export const WORKSTREAM_URI_TEMPLATE = 'statehub://workstreams/{workplan_id}';
const PAGE_SIZE = 200;
/** Enough for any organisation we know; a listing never reads the whole table unbounded. */
const MAX_LISTED = 2000;
/** JSON-RPC code the MCP spec gives "resource not found". */
const RESOURCE_NOT_FOUND = -32002;

@Injectable()
export class WorkstreamResource {
  private readonly logger = new Logger(WorkstreamResource.name);

  constructor(private readonly hub: HubApi) {}

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
    const workstreams: HubSchemas['WorkstreamView'][] = [];
    try {
      for (let offset = 0; offset < MAX_LISTED; offset += PAGE_SIZE) {
        const page = await this.hub.read('WorkstreamPage', (api) =>
          api.GET('/workstreams', { params: { query: { limit: PAGE_SIZE, offset } } }),
        );
        workstreams.push(...page.items);
        if (offset + page.items.length >= page.total || page.items.length === 0) break;
      }
    } catch (err) {
      throw this.asMcpError('resources/list', err);
    }
    const repoCount = new Map<string, number>();
    for (const ws of workstreams) repoCount.set(ws.workplan_id, (repoCount.get(ws.workplan_id) ?? 0) + 1);
    const resources = workstreams.map((ws) => {
      const shared = (repoCount.get(ws.workplan_id) ?? 0) > 1;
      return {
        uri: workstreamUri(ws.workplan_id, shared ? ws.repo : undefined),
        name: shared ? `${ws.workplan_id} (${ws.repo})` : ws.workplan_id,
        title: ws.title,
        description: `${ws.status} workstream in ${ws.repo}`,
        mimeType: 'text/markdown',
      };
    });
    return { resources };
  }

  async read(uri: URL, variables: Variables): Promise<ReadResourceResult> {
    // The template's {workplan_id} takes everything after the last slash, query included.
    const raw = variables['workplan_id'];
    const { workplanId, repo } = parseWorkstreamRef(uri.href, Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? ''));
    try {
      const hint = `read ${workstreamUri(workplanId)}?repo=<slug>`;
      const ws = await findWorkstreamByWorkplanId(this.hub, workplanId, repo, hint);
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

/** The resource URI of a workstream; `repo` qualifies a workplan id that several repos share. */
export function workstreamUri(workplanId: string, repo?: string): string {
  const base = `statehub://workstreams/${encodeURIComponent(workplanId)}`;
  return repo === undefined ? base : `${base}?repo=${encodeURIComponent(repo)}`;
}

/** `STATE-WP-0064` or `STATE-WP-0064?repo=state-hub` (the template variable's raw value); InvalidParams otherwise. */
export function parseWorkstreamRef(href: string, raw: string): { workplanId: string; repo?: string } {
  const queryAt = raw.indexOf('?');
  const workplanId = safeDecode(queryAt < 0 ? raw : raw.slice(0, queryAt));
  if (workplanId === undefined || !WORKPLAN_ID_PATTERN.test(workplanId)) {
    throw new McpError(ErrorCode.InvalidParams, `${href}: not a workplan id such as STATE-WP-0064`);
  }
  if (queryAt < 0) return { workplanId };
  const query = new URLSearchParams(raw.slice(queryAt + 1));
  const unknown = [...new Set(query.keys())].filter((key) => key !== 'repo');
  if (unknown.length > 0) {
    throw new McpError(ErrorCode.InvalidParams, `${href}: unknown query parameter ${unknown[0]}; only repo is known`);
  }
  const repos = query.getAll('repo');
  if (repos.length !== 1 || !SLUG_PATTERN.test(repos[0])) {
    throw new McpError(ErrorCode.InvalidParams, `${href}: repo must be one repo slug such as state-hub`);
  }
  return { workplanId, repo: repos[0] };
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined; // malformed %-escape: reported as not a workplan id
  }
}
