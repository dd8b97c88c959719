// try/finally for async clean-up that can itself fail (an unlock, a connection
// release): a failing clean-up must not replace the error that made the work
// fail — the caller would see "connection terminated" instead of the cause.

/** What a failed clean-up leaves on the work's error (as JavaScript's SuppressedError names it). */
export interface WithSuppressed {
  suppressed?: unknown;
}

/**
 * Runs `work`, then `release` whatever happened. When both fail, the work's
 * error is thrown with the release's error attached as `suppressed`; when only
 * the release fails, its error is thrown.
 */
export async function runThenRelease<T>(work: () => Promise<T>, release: () => Promise<void>): Promise<T> {
  let result: T;
  try {
    result = await work();
  } catch (err) {
    try {
      await release();
    } catch (releaseError) {
      if (err instanceof Error) (err as Error & WithSuppressed).suppressed = releaseError;
    }
    throw err;
  }
  await release();
  return result;
}
