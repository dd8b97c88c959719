// The `http` instruction: one request with the run id as Idempotency-Key, so a
// retried attempt is recognisable as the same run by the receiver.
import { type HttpInstruction, renderTemplate } from '@state-hub/activity-definitions';
import { describeFetchError } from '@state-hub/activity-definitions';
import type { InstructionInput, InstructionOutcome } from './instruction-outcome';

const BODY_TAIL_BYTES = 4096;

export async function runHttpInstruction(
  instruction: HttpInstruction,
  input: InstructionInput,
): Promise<InstructionOutcome> {
  const url = String(renderTemplate(instruction.url, input.data));
  const headers = renderTemplate(instruction.headers ?? {}, input.data) as Record<string, string>;
  const body =
    instruction.body === undefined ? undefined : JSON.stringify(renderTemplate(instruction.body, input.data));
  let response: Response;
  try {
    response = await fetch(url, {
      method: instruction.method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
        'idempotency-key': input.runId,
      },
      body,
      signal: AbortSignal.timeout(instruction.timeout_seconds * 1000),
    });
  } catch (error) {
    const message = describeFetchError(error, instruction.timeout_seconds);
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    return {
      ok: false,
      timedOut,
      result: { method: instruction.method, url },
      error: `${instruction.method} ${url}: ${message}`,
    };
  }
  const text = await response.text().catch((error: unknown) => `(reading the body failed: ${String(error)})`);
  const expected = [instruction.expect_status ?? []].flat();
  const ok = expected.length > 0 ? expected.includes(response.status) : response.status >= 200 && response.status < 300;
  const result = {
    method: instruction.method,
    url,
    http_status: response.status,
    body_tail: text.slice(-BODY_TAIL_BYTES),
  };
  return ok ? { ok, result } : { ok, result, error: `${instruction.method} ${url} answered ${response.status}` };
}
