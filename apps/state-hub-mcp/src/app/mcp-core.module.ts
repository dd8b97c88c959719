// The validated config, the hub client and the MCP server factory: everything
// both transports need. The config is validated before Nest starts (see
// bootstrap/), so a bad variable is one clear line, not a Nest stack trace.
import { type DynamicModule, Module } from '@nestjs/common';
import { McpConfig } from '../config/mcp-config';
import { HubApi } from '../hub/hub-api.service';
import { WorkstreamResource } from '../resources/workstream-resource';
import { McpServerFactory } from '../server/mcp-server.factory';
import { ToolRegistry } from '../tools/tool-registry.service';

@Module({})
export class McpCoreModule {
  static forRoot(config: McpConfig): DynamicModule {
    return {
      module: McpCoreModule,
      global: true,
      providers: [{ provide: McpConfig, useValue: config }, HubApi, ToolRegistry, WorkstreamResource, McpServerFactory],
      exports: [McpConfig, McpServerFactory],
    };
  }
}
