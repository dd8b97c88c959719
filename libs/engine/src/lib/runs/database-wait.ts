// While the engine's database is unreachable, a run waits for it instead of
// failing its delivery. Both ends of a run go through here: the claim (nothing
// has happened yet) and the recording of its outcome (the instruction already
// ran, so the outcome must not be lost). The event's delivery is kept alive
// meanwhile (EventsController beats for the whole of its runs), so an outage of
// minutes neither spends JetStream deliveries (the fifth failed one would
// dead-letter the event) nor leaves a finished run to be marked abandoned. Any other error, a wait past its limit or a shutdown ends
// the wait with the last error.
import { classifyDatabaseError } from '@state-hub/nest-http';
import { setTimeout as sleep } from 'node:timers/promises';

/** Longest pause between two attempts: recovery is noticed within this long after the database is back. */
export const MAX_RETRY_DELAY_MS = 5000;

export interface DatabaseWait {
  /** Give up after waiting this long in all (the caller then fails as before). */
  maxWaitMs: number;
  /** Aborted on shutdown: stop waiting at once. */
  signal?: AbortSignal;
  /** Told about each pause (for the log). */
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return classifyDatabaseError(error)?.kind === 'unavailable';
}

/** Runs `work`, and again after a capped backoff for as long as it fails only because the database is unavailable. */
export async function untilDatabaseAnswers<T>(work: () => Promise<T>, wait: DatabaseWait): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const left = wait.maxWaitMs - (Date.now() - started);
      if (!isDatabaseUnavailable(error) || left <= 0 || wait.signal?.aborted) throw error;
      const delay = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** Math.min(attempt - 1, 10), left);
      wait.onRetry?.(attempt, delay, error);
      try {
        await sleep(delay, undefined, { signal: wait.signal });
      } catch {
        throw error; // shutting down: report the database error, not the abort
      }
    }
  }
}
