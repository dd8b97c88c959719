// Builds an MCP server with this app's tools and resources. stdio mode builds
// one for the process; HTTP mode (stateless) builds one per request.
import { Injectable } from '@nestjs/common';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WorkstreamResource } from '../resources/workstream-resource';
import { ToolRegistry } from '../tools/tool-registry.service';
import { APP_VERSION } from '../version';

const INSTRUCTIONS = [
  'State Hub is the read model of the organisation’s workplans, tasks, decisions and progress.',
  'Call get_next_steps to choose work; get_workstream for a workplan and its tasks;',
  'add_progress_event after a meaningful step; resolve_decision when an open decision is answered.',
  'These two are the only writes: this server never creates tasks or workstreams.',
].join(' ');

@Injectable()
export class McpServerFactory {
  constructor(
    private readonly tools: ToolRegistry,
    private readonly workstreams: WorkstreamResource,
  ) {}

  create(): McpServer {
    const server = new McpServer(
      { name: 'state-hub-mcp', title: 'State Hub', version: APP_VERSION },
      { instructions: INSTRUCTIONS },
    );
    // Tools are served by the registry on the low-level server (own argument validation: see
    // tool-registry.service.ts), so no tools capability goes into McpServer's options — that
    // would make McpServer install tool handlers of its own. Resources are McpServer's.
    this.tools.install(server.server);
    this.workstreams.register(server);
    return server;
  }
}
