// Turns whatever a handler's promise or stream rejected with into a decision
// (poison or not) and a reason fit for a log line and a dead letter, with no
// registered secret in it.
import { redactText } from '@state-hub/config';
import { PoisonMessageError } from './poison-message-error';

export interface HandlerFailure {
  poison: boolean;
  reason: string;
}

const MAX_REASON_LENGTH = 2000;

export function describeFailure(error: unknown): HandlerFailure {
  return { poison: error instanceof PoisonMessageError, reason: truncate(redactText(reasonOf(error))) };
}

function reasonOf(error: unknown): string {
  if (error instanceof Error) return error.message ? `${error.name}: ${error.message}` : error.name;
  // Nest's default filter rejects with `{ status: 'error', message }` for errors it does not know.
  if (typeof error === 'object' && error !== null && 'message' in error) {
    const message = String((error as { message: unknown }).message);
    return `${message} (the handler's own error is in Nest's RpcExceptionsHandler log; throw TransientError or PoisonMessageError to keep it)`;
  }
  return typeof error === 'string' ? error : `non-error value ${safeJson(error)}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function truncate(text: string): string {
  return text.length > MAX_REASON_LENGTH ? `${text.slice(0, MAX_REASON_LENGTH)}…` : text;
}
