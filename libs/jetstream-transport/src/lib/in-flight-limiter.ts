// Bounds concurrent handler executions and lets close() wait for the running
// ones. Once closed, acquire() answers false at once so the pump stops taking work.

export class InFlightLimiter {
  private active = 0;
  private closed = false;
  private readonly waiting: Array<(granted: boolean) => void> = [];
  private readonly idleWaiters: Array<() => void> = [];

  constructor(private readonly max: number) {}

  get inFlight(): number {
    return this.active;
  }

  /** Resolves true with a slot taken, or false when the limiter is (or gets) closed. */
  acquire(): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.active < this.max) {
      this.active++;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.closed ? undefined : this.waiting.shift();
    if (next) {
      next(true); // the slot passes straight to the next waiter
      return;
    }
    this.active = Math.max(0, this.active - 1);
    if (this.active === 0) this.idleWaiters.splice(0).forEach((notify) => notify());
  }

  /** Stops granting slots; running work keeps its slot until it releases it. */
  close(): void {
    this.closed = true;
    this.waiting.splice(0).forEach((resolve) => resolve(false));
  }

  /** True once nothing runs, false if that did not happen within timeoutMs. */
  whenIdle(timeoutMs: number): Promise<boolean> {
    if (this.active === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }
}
