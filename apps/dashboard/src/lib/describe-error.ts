// What went wrong, in words a person can act on: the hub down, the engine
// missing or down, a refused token, a bad filter, or the server's own message.
import { ApiError } from '@state-hub/hub-client';
import { FilterError } from './filters';

export interface ErrorDescription {
  title: string;
  detail: string;
  /** 401: the token dialog can fix it. */
  needsToken: boolean;
}

export function describeError(error: unknown): ErrorDescription {
  if (error instanceof FilterError)
    return { title: 'This filter is not valid', detail: error.message, needsToken: false };
  if (!(error instanceof ApiError)) {
    return {
      title: 'Something went wrong',
      detail: error instanceof Error ? error.message : String(error),
      needsToken: false,
    };
  }
  const engine = error.baseUrl.endsWith('/engine');
  const side = engine ? 'the engine' : 'the hub';
  switch (error.kind) {
    case 'unreachable':
      return {
        title: 'The hub does not answer',
        detail: `Nothing answered at ${error.baseUrl} (${error.reason ?? 'no connection'}). Is the hub running? Start it with \`npm start\`, then reload this page.`,
        needsToken: false,
      };
    case 'timeout':
      return { title: `${capitalize(side)} is too slow`, detail: error.message, needsToken: false };
    case 'rejected':
      if (error.status === 401) {
        return {
          title: 'The hub needs its token',
          detail: `${error.serverMessage ?? 'missing or wrong token'}. Enter the hub's token (STATE_HUB_API_TOKEN) to continue.`,
          needsToken: true,
        };
      }
      if (error.status === 400) return { title: 'This filter is not valid', detail: error.message, needsToken: false };
      if (error.status === 404) return { title: 'Not found', detail: error.message, needsToken: false };
      return { title: `${capitalize(side)} refused the request`, detail: error.message, needsToken: false };
    case 'failed':
      if (engine && (error.status === 503 || error.status === 502)) {
        return { title: 'The engine is not available', detail: error.message, needsToken: false };
      }
      if (error.status === 503)
        return { title: `${capitalize(side)} is not available`, detail: error.message, needsToken: false };
      return { title: `${capitalize(side)} failed`, detail: error.message, needsToken: false };
    default:
      return { title: `${capitalize(side)} sent an unexpected answer`, detail: error.message, needsToken: false };
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
