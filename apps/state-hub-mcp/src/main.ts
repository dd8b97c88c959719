import { configErrorText } from '@state-hub/config';
import { parseCliArgs, USAGE, UsageError } from './bootstrap/cli-args';
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
  // stdout may be the MCP channel: every word of a failed start goes to stderr, with no stack
  // for what the operator fixes: a bad flag (exit 2) or a bad setting (exit 1, one line per problem).
  if (err instanceof UsageError) {
    process.stderr.write(`state-hub-mcp: ${err.message} (see --help)\n`);
    process.exit(2);
  }
  if (err instanceof ConfigError) process.stderr.write(configErrorText('state-hub-mcp', err));
  else console.error('state-hub-mcp failed to start:', err);
  process.exit(1);
});
