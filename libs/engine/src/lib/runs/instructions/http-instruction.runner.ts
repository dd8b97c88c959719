// The `http` instruction: one request with the run id as Idempotency-Key, so a
// retried attempt is recognisable as the same run by the receiver.
import { type HttpInstruction, renderTemplate, withTimeout } from '@state-hub/activity-definitions';
import { type HttpAnswer, sendHttpRequest } from './http-request';
import type { InstructionInput, InstructionOutcome } from './instruction-outcome';

const BODY_TAIL_CHARS = 4096;

export function runHttpInstruction(instruction: HttpInstruction, input: InstructionInput): Promise<InstructionOutcome> {
  // The limit covers reading the answer too.
  return withTimeout(instruction.timeout_seconds * 1000, (signal) => request(instruction, input, signal));
}

async function request(
  instruction: HttpInstruction,
  input: InstructionInput,
  signal: AbortSignal,
): Promise<InstructionOutcome> {
  const url = String(renderTemplate(instruction.url, input.data));
  const rendered = renderTemplate(instruction.headers ?? {}, input.data) as Record<string, string>;
  const body =
    instruction.body === undefined ? undefined : JSON.stringify(renderTemplate(instruction.body, input.data));
  // Header names are case-insensitive: the definition's own win over content-type, never over idempotency-key.
  const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
  for (const [name, value] of Object.entries(rendered)) headers[name.toLowerCase()] = value;
  headers['idempotency-key'] = input.runId;
  let answer: HttpAnswer;
  try {
    answer = await sendHttpRequest(
      { method: instruction.method, url: new URL(url), headers, body, signal },
      BODY_TAIL_CHARS,
    );
  } catch (error) {
    const timedOut = signal.aborted;
    const message = timedOut ? `timed out after ${instruction.timeout_seconds}s` : messageOf(error);
    return {
      ok: false,
      timedOut,
      result: { method: instruction.method, url },
      error: `${instruction.method} ${url}: ${message}`,
    };
  }
  const expected = [instruction.expect_status ?? []].flat();
  const ok = expected.length > 0 ? expected.includes(answer.status) : answer.status >= 200 && answer.status < 300;
  const result = { method: instruction.method, url, http_status: answer.status, body_tail: answer.bodyTail };
  return ok ? { ok, result } : { ok, result, error: `${instruction.method} ${url} answered ${answer.status}` };
}

/** `connect ECONNREFUSED 127.0.0.1:1`, `Invalid URL`: node:http's errors say what went wrong in their message. */
function messageOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
}
