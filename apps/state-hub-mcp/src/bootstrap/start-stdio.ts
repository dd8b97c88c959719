// stdio mode: a Nest application context (config + DI, logs on stderr) and one
// MCP server on this process's stdin/stdout, until the client goes away.
import { NestFactory } from '@nestjs/core';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { McpCoreModule } from '../app/mcp-core.module';
import type { McpConfig } from '../config/mcp-config';
import { StderrLogger } from '../logging/stderr-logger';
import { McpServerFactory } from '../server/mcp-server.factory';
import { APP_VERSION } from '../version';

/** If something still holds the event loop after a clean stop, exit anyway after this long. */
const EXIT_GRACE_MS = 2000;

export async function startStdio(config: McpConfig): Promise<void> {
  const logger = new StderrLogger(config.LOG_LEVEL, config.LOG_FORMAT);
  const app = await NestFactory.createApplicationContext(McpCoreModule.forRoot(config), {
    logger,
    abortOnError: false,
  });
  const server = app.get(McpServerFactory).create();

  let stopping = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`stopping: ${reason}`, 'Bootstrap');
    server
      .close()
      .then(() => app.close())
      .catch((err: unknown) => {
        logger.error(`stopping failed: ${String(err)}`, undefined, 'Bootstrap');
        process.exitCode = 1;
      })
      .finally(() => setTimeout(() => process.exit(), EXIT_GRACE_MS).unref());
  };
  // The client ends the session by closing our stdin (then, if we linger, SIGTERM).
  process.stdin.once('end', () => stop('stdin closed'));
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));

  await server.connect(new StdioServerTransport());
  logger.log(`state-hub-mcp ${APP_VERSION} serving MCP on stdio for the hub at ${config.STATE_HUB_URL}`, 'Bootstrap');
  if (!config.STATE_HUB_API_TOKEN) {
    logger.warn('STATE_HUB_API_TOKEN is not set: writes work only if the hub requires no token', 'Bootstrap');
  }
}
