// A server's memory stays where its last burst of work left it. V8 keeps the heap pages it grew into: after a
// backlog the engine's heap fell from 112 to 78 MB committed while its RSS stayed at 210–235 MB for as long as we
// watched, and the API kept 159 MB after seeding. V8's memory reducer, which would hand them back, only starts after
// a full collection that a burst of short-lived requests never needs. So once a process that was busy has had
// nothing to do for half a minute, it runs one compacting, memory-reducing collection itself (about 30–60 ms on
// these heaps): never while it works, at most once per quiet spell and once per `minIntervalMs`.
//
// Why half a minute and not two seconds: the trim costs the process its optimised code. The collection runs two
// to seven rounds; once the objects a function was optimised for have died, about three full collections are
// enough for V8 to drop that optimised code (our reading: with the dead objects' hidden classes), and the function
// runs in its baseline tier until it is optimised again. That took the API seconds of load, and some of the engine's hot functions (the envelope check,
// the message processor, the ack) stayed in the baseline tier for good (Maglev never compiled them again; a
// short repro is in docs/performance.md). Trimming after two quiet seconds threw that code away at every pause
// between bursts: the engine spent 1.1 ms of CPU per event at 500/s against 0.86 ms without the trim.
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

type Collect = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

export interface HeapTrim {
  rssBeforeMb: number;
  rssAfterMb: number;
  ms: number;
}

export interface IdleHeapTrimOptions {
  /** How often the event loop's utilisation is looked at. */
  checkEveryMs: number;
  /** Consecutive quiet checks before a trim. */
  quietChecks: number;
  /** Utilisation (0–1) at or under which a check counts as quiet. */
  maxUtilization: number;
  /** Never two trims closer than this. */
  minIntervalMs: number;
  /** Told about each trim (for a debug log line). */
  onTrim?: (trim: HeapTrim) => void;
}

export const IDLE_HEAP_TRIM: IdleHeapTrimOptions = {
  checkEveryMs: 1000,
  quietChecks: 30,
  maxUtilization: 0.02,
  minIntervalMs: 30_000,
};

let collect: Collect | undefined;

/** V8's collector: `gc` when Node was started with --expose-gc, else the same function from a fresh context. */
function collector(): Collect {
  if (!collect) {
    const exposed = (globalThis as { gc?: unknown }).gc;
    if (typeof exposed === 'function') {
      collect = exposed as Collect;
    } else {
      // `gc` from a context made while the flag is on, as jest's leak detector gets it; the flag goes off again at
      // once, so no context made later (a dependency's sandbox) finds a `gc` it could call.
      setFlagsFromString('--expose-gc');
      try {
        collect = runInNewContext('gc') as Collect;
      } finally {
        setFlagsFromString('--no-expose-gc');
      }
    }
  }
  return collect;
}

const rssMb = () => process.memoryUsage.rss() / 1048576;

/** One compacting, memory-reducing full collection, now. */
export function trimHeapNow(): HeapTrim {
  const rssBeforeMb = rssMb();
  const t0 = performance.now();
  collector()({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return { rssBeforeMb, rssAfterMb: rssMb(), ms: performance.now() - t0 };
}

/** For a debug log line: `heap trimmed after work: RSS 159 → 127 MB in 45 ms`. */
export const describeHeapTrim = (t: HeapTrim): string =>
  `heap trimmed after work: RSS ${t.rssBeforeMb.toFixed(0)} → ${t.rssAfterMb.toFixed(0)} MB in ${t.ms.toFixed(0)} ms`;

/** Trims the heap whenever the process goes quiet after work; returns the function that stops it. */
export function trimHeapWhenIdle(settings: Partial<IdleHeapTrimOptions> = {}): () => void {
  const options = { ...IDLE_HEAP_TRIM, ...settings };
  let last = performance.eventLoopUtilization();
  let workedSinceTrim = true; // starting up is work
  let quiet = 0;
  let lastTrimAt = -Infinity;
  let justTrimmed = false;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const { utilization } = performance.eventLoopUtilization(now, last);
    last = now;
    // The loop accounts a callback's time once it has returned: the window after a trim holds the collection
    // itself, which is not work.
    if (justTrimmed) {
      justTrimmed = false;
      return;
    }
    if (utilization > options.maxUtilization) {
      workedSinceTrim = true;
      quiet = 0;
      return;
    }
    quiet++;
    if (!workedSinceTrim || quiet < options.quietChecks) return;
    if (performance.now() - lastTrimAt < options.minIntervalMs) return;
    workedSinceTrim = false;
    const trim = trimHeapNow();
    lastTrimAt = performance.now();
    justTrimmed = true;
    options.onTrim?.(trim);
  }, options.checkEveryMs);
  timer.unref();
  return () => clearInterval(timer);
}
