// --http mode: a Nest HTTP (express) app serving Streamable HTTP on /mcp,
// bound to MCP_HTTP_HOST (loopback unless told otherwise; elsewhere only with
// MCP_HTTP_TOKEN), logs on stderr.
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { hostHeaderValidation } from '@modelcontextprotocol/sdk/server/middleware/hostHeaderValidation.js';
import { McpHttpModule } from '../app/mcp-http.module';
import type { McpConfig } from '../config/mcp-config';
import { allowedHosts } from '../http/allowed-hosts';
import { assertHttpAccessProtected, bearerAuth } from '../http/bearer-auth';
import { StderrLogger } from '../logging/stderr-logger';
import { APP_VERSION } from '../version';

export async function startHttp(config: McpConfig, port: number): Promise<NestExpressApplication> {
  // Before anything listens: a non-loopback bind without MCP_HTTP_TOKEN is a ConfigError (exit 1).
  assertHttpAccessProtected(config);
  const logger = new StderrLogger(config.LOG_LEVEL, config.LOG_FORMAT);
  // No body parser: the MCP transport reads and validates request bodies itself.
  const app = await NestFactory.create<NestExpressApplication>(McpHttpModule.forRoot(config), {
    logger,
    bodyParser: false,
    abortOnError: false,
  });
  app.disable('x-powered-by');
  const hosts = allowedHosts(config);
  if (hosts) app.use(hostHeaderValidation(hosts));
  else {
    logger.warn(
      `bound to ${config.MCP_HTTP_HOST} and accepting any Host header (the bearer token still applies): ` +
        'set MCP_ALLOWED_HOSTS to the names clients use',
      'Bootstrap',
    );
  }
  if (config.MCP_HTTP_TOKEN) app.use(bearerAuth(config.MCP_HTTP_TOKEN));
  app.enableShutdownHooks();
  await app.listen(port, config.MCP_HTTP_HOST);
  logger.log(
    `state-hub-mcp ${APP_VERSION} serving MCP on http://${config.MCP_HTTP_HOST}:${port}/mcp ` +
      `(${config.MCP_HTTP_TOKEN ? 'bearer token required' : 'no authentication: loopback only'}) for the hub at ${config.STATE_HUB_URL}`,
    'Bootstrap',
  );
  return app;
}
