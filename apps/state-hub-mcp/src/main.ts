import { parseCliArgs, USAGE } from './bootstrap/cli-args';
import { startHttp } from './bootstrap/start-http';
import { startStdio } from './bootstrap/start-stdio';
import { ConfigError, loadConfig } from './config/mcp-config';

async function main(): Promise<void> {
  const args = parseCliArgs(process.argv.slice(2));
  if (args.mode === 'help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  if (args.mode === 'http') await startHttp(config, args.port);
  else await startStdio(config);
}

main().catch((err: unknown) => {
  // stdout may be the MCP channel: every word of a failed start goes to stderr.
  if (err instanceof ConfigError) console.error(err.message);
  else console.error('state-hub-mcp failed to start:', err);
  process.exit(1);
});
