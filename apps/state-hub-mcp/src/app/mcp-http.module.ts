import { type DynamicModule, Module } from '@nestjs/common';
import type { McpConfig } from '../config/mcp-config';
import { HealthzController } from '../http/healthz.controller';
import { McpController } from '../http/mcp.controller';
import { McpCoreModule } from './mcp-core.module';

/** --http mode: the MCP endpoint on /mcp and a liveness probe on /healthz. */
@Module({})
export class McpHttpModule {
  static forRoot(config: McpConfig): DynamicModule {
    return {
      module: McpHttpModule,
      imports: [McpCoreModule.forRoot(config)],
      controllers: [McpController, HealthzController],
    };
  }
}
