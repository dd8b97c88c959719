// Streamable HTTP on /mcp, stateless: each POST gets a fresh MCP server and
// transport, which answer it and are closed with the response. No sessions,
// so there is no server-initiated stream (GET) and nothing to end (DELETE).
import { Controller, Delete, Get, HttpCode, Logger, Post, Req, Res } from '@nestjs/common';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { ErrorCode } from '@modelcontextprotocol/sdk/types.js';
import type { Request, Response } from 'express';
import { McpServerFactory } from '../server/mcp-server.factory';

const jsonRpcError = (code: number, message: string) => ({ jsonrpc: '2.0', error: { code, message }, id: null });

@Controller('mcp')
export class McpController {
  private readonly logger = new Logger(McpController.name);

  constructor(private readonly servers: McpServerFactory) {}

  @Post()
  async handle(@Req() req: Request, @Res() res: Response): Promise<void> {
    const server = this.servers.create();
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      server.close().catch((err: unknown) => this.logger.warn(`closing an MCP server failed: ${String(err)}`));
    });
    try {
      await server.connect(transport);
      // No body parser runs before this: the transport reads and checks the body itself.
      await transport.handleRequest(req, res);
    } catch (err) {
      this.logger.error('an MCP request failed', err instanceof Error ? err.stack : String(err));
      if (!res.headersSent) res.status(500).json(jsonRpcError(ErrorCode.InternalError, 'internal server error'));
    }
  }

  @Get()
  @HttpCode(405)
  openStream(@Res({ passthrough: true }) res: Response) {
    return this.notAllowed(res);
  }

  @Delete()
  @HttpCode(405)
  endSession(@Res({ passthrough: true }) res: Response) {
    return this.notAllowed(res);
  }

  private notAllowed(res: Response) {
    res.setHeader('Allow', 'POST');
    return jsonRpcError(-32000, 'Method not allowed: this server is stateless; POST JSON-RPC messages to /mcp');
  }
}
