// The flags that say where the hub or the engine is and which token to send:
// the same on every command that talks to one, winning over the environment.
import type { Command } from 'commander';
import { httpUrl } from './arg-parsers';

const TOKEN_NOTE = 'a flag shows in `ps`: prefer the variable';

export function withHubFlags(command: Command): Command {
  return command
    .option('--hub-url <url>', 'the hub (default: STATE_HUB_URL or http://127.0.0.1:3000)', httpUrl)
    .option('--token <token>', `the hub's bearer token (default: STATE_HUB_API_TOKEN; ${TOKEN_NOTE})`);
}

export function withEngineFlags(command: Command): Command {
  return command
    .option(
      '--engine-url <url>',
      'the engine (default: ENGINE_URL or http://127.0.0.1:3001; under `npm start`: http://127.0.0.1:3000/engine)',
      httpUrl,
    )
    .option(
      '--token <token>',
      `the engine's bearer token (default: ENGINE_API_TOKEN, else STATE_HUB_API_TOKEN; ${TOKEN_NOTE})`,
    );
}
