/** Polls `probe` until it stops throwing (returning its value) or the time is up. */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 10_000, intervalMs = 50 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      return await probe();
    } catch (err) {
      lastError = err;
      await new Promise((r) => setTimeout(r, intervalMs));
    }
  }
  throw lastError instanceof Error ? lastError : new Error(`eventually: timed out after ${timeoutMs} ms`);
}
