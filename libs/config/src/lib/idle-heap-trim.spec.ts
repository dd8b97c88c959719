import { runInNewContext } from 'node:vm';
import { type HeapTrim, trimHeapNow, trimHeapWhenIdle } from './idle-heap-trim';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Keeps the event loop busy for `ms`: many short turns of work, as a loaded server has. */
async function work(ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    await new Promise<void>((r) =>
      setImmediate(() => {
        const t = performance.now() + 2;
        while (performance.now() < t);
        r();
      }),
    );
  }
}

describe('trimHeapNow', () => {
  it('hands the pages of a collected burst back to the system', () => {
    let burst: Array<{ i: number; s: string }> | null = [];
    for (let i = 0; i < 1_500_000; i++) burst.push({ i, s: `item ${i}` });
    expect(burst.length).toBe(1_500_000);
    burst = null;
    const trim = trimHeapNow();
    expect(trim.rssAfterMb).toBeLessThan(trim.rssBeforeMb - 50);
    expect(trim.ms).toBeGreaterThan(0);
  });

  it('leaves no `gc` to contexts made afterwards', () => {
    trimHeapNow();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });
});

describe('trimHeapWhenIdle', () => {
  // Checks every 50 ms; a window counts as work only when the loop was busy for over 90 % of it, as work() keeps it.
  // (Tighter settings, 20 ms windows quiet up to 50 %, failed now and then on a loaded 2-core box: a check callback
  // stretched by the scheduler made a quiet window look busy, and the next quiet spell trimmed once more.)
  // Each test stops its own.
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());
  const watch = (settings: { quietChecks: number; minIntervalMs: number }): HeapTrim[] => {
    const trims: HeapTrim[] = [];
    stop = trimHeapWhenIdle({ checkEveryMs: 50, maxUtilization: 0.9, ...settings, onTrim: (t) => trims.push(t) });
    return trims;
  };

  it('trims once a busy process goes quiet, never while it works, and once per quiet spell', async () => {
    const trims = watch({ quietChecks: 3, minIntervalMs: 0 });
    await sleep(800); // starting counts as work: one trim once quiet
    expect(trims).toHaveLength(1);
    await sleep(600); // still quiet: nothing new to give back
    expect(trims).toHaveLength(1);
    await work(600);
    expect(trims).toHaveLength(1); // never while working
    await sleep(800);
    expect(trims).toHaveLength(2);
  });

  it('by default lets a pause of a few seconds between bursts be (a trim costs the process its optimised code)', async () => {
    const trims: HeapTrim[] = [];
    stop = trimHeapWhenIdle({ onTrim: (t) => trims.push(t) }); // starting counts as work, as in the apps
    await sleep(3500);
    expect(trims).toHaveLength(0);
  });

  it('waits minIntervalMs between trims', async () => {
    const trims = watch({ quietChecks: 2, minIntervalMs: 60_000 });
    await sleep(400);
    await work(400);
    await sleep(400);
    expect(trims).toHaveLength(1);
  });
});
