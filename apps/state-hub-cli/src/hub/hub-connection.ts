// The CLI's way to the hub: the generated client (@state-hub/hub-client) with
// the token when there is one, and every failure as the one line the CLI prints.
import { ApiError, type ApiResult, call, createHubClient, type HubClient } from '@state-hub/hub-client';
import { CommandFailure } from '../cli/cli-errors';

export function connectHub(hubUrl: string, token?: string): HubClient {
  return createHubClient({ baseUrl: hubUrl, token, userAgent: 'state-hub-cli' });
}

/** The hub answered with an error status; `hubMessage` is the message of its error body. */
export class HubAnswerError extends CommandFailure {
  readonly status: number;
  readonly hubMessage: string;

  constructor(readonly apiError: ApiError) {
    const said =
      apiError.serverMessage === undefined
        ? apiError.message
        : `${apiError.method} ${apiError.path} answered ${apiError.status}: ${apiError.serverMessage}`;
    const hint = apiError.status === 401 ? ' (set STATE_HUB_API_TOKEN to the hub’s token)' : '';
    super(`${said}${hint}`);
    this.status = apiError.status ?? 0;
    this.hubMessage = apiError.serverMessage ?? apiError.message;
  }
}

/** The data of the hub's answer, or a CommandFailure saying in one line why there is none. */
export async function ask<R extends ApiResult>(pending: Promise<R>): Promise<NonNullable<R['data']>> {
  try {
    return await call(pending);
  } catch (err) {
    throw err instanceof ApiError ? asFailure(err) : err;
  }
}

function asFailure(err: ApiError): CommandFailure {
  switch (err.kind) {
    case 'unreachable':
      return new CommandFailure(`cannot reach the hub at ${err.baseUrl}: ${err.reason}`);
    case 'timeout':
      return new CommandFailure(`cannot reach the hub at ${err.baseUrl}: no answer in time`);
    case 'bad_answer':
      return new CommandFailure(err.message);
    default:
      return new HubAnswerError(err);
  }
}
