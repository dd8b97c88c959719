// The CLI's way to the engine: the generated engine client (@state-hub/engine-client)
// with the token when there is one, and every failure as the one line the CLI prints.
import { ApiError, call, createEngineClient, type EngineClient } from '@state-hub/engine-client';
import type { ApiResult } from '@state-hub/hub-client';
import { CommandFailure } from '../cli/cli-errors';
import type { EngineEnv } from '../config/cli-env';

const WHERE = 'set ENGINE_URL; under `npm start` it is http://127.0.0.1:3000/engine';

export function connectEngine(env: EngineEnv): EngineClient {
  return createEngineClient({ baseUrl: env.engineUrl, token: env.token, userAgent: 'state-hub-cli' });
}

/** The data of the engine's answer, or a CommandFailure saying in one line why there is none. */
export async function askEngine<R extends ApiResult>(pending: Promise<R>): Promise<NonNullable<R['data']>> {
  try {
    return await call(pending);
  } catch (err) {
    throw err instanceof ApiError ? engineFailure(err) : err;
  }
}

function engineFailure(err: ApiError): CommandFailure {
  switch (err.kind) {
    case 'unreachable':
      return new CommandFailure(`cannot reach the engine at ${err.baseUrl}: ${err.reason} (${WHERE})`);
    case 'timeout':
      return new CommandFailure(`cannot reach the engine at ${err.baseUrl}: no answer in time`);
    case 'bad_answer':
      return new CommandFailure(err.message);
    default: {
      const said =
        err.serverMessage === undefined
          ? err.message
          : `${err.method} ${err.path} answered ${err.status}: ${err.serverMessage}`;
      return new CommandFailure(`${said}${hint(err)}`);
    }
  }
}

function hint(err: ApiError): string {
  if (err.status === 401) return ' (set ENGINE_API_TOKEN, or STATE_HUB_API_TOKEN under `npm start`)';
  if (err.status === 404 && err.serverMessage?.startsWith('no route')) return ` (is ENGINE_URL the engine? ${WHERE})`;
  return '';
}
