// A time limit for a request and the reading of its answer. Not AbortSignal.timeout(): its timer runs on
// after the request is done and then aborts the finished fetch, which for a busy engine cost more CPU than
// the requests themselves. This one clears its timer as soon as the work settles.

/** Runs `work` with a signal that aborts with a `TimeoutError` (as AbortSignal.timeout's) after `ms`. */
export async function withTimeout<T>(ms: number, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ms,
  );
  try {
    return await work(controller.signal);
  } finally {
    clearTimeout(timer);
  }
}
