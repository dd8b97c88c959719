// Shows a running sweep on stderr (stdout stays for the table or the JSON):
// on a terminal one cli-progress bar per repo under an overall bar, elsewhere
// (a log, a pipe, CI) one plain line per finished repo.
import type { RepoSyncResult, SweepProgress } from '@state-hub/consistency-sweep';
import { MultiBar, type SingleBar } from 'cli-progress';
import { formatDuration } from './sweep-table';

export interface ProgressDisplay {
  onProgress(event: SweepProgress): void;
  /** Removes bars and timers; safe to call twice. */
  stop(): void;
}

type Stream = NodeJS.WritableStream & { isTTY?: boolean };

function summary(r: RepoSyncResult): string {
  const files = `${r.files.synced} synced, ${r.files.unchanged} unchanged, ${r.files.errors} errors`;
  return `${r.outcome} (${files}; ${formatDuration(r.duration_ms)})${r.error ? ` — ${r.error}` : ''}`;
}

function plainLines(stream: Stream): ProgressDisplay {
  return {
    onProgress(event) {
      if (event.kind === 'started') stream.write(`sweeping ${event.total} repo(s)\n`);
      if (event.kind === 'repo_finished') {
        stream.write(`[${event.index + 1}/${event.total}] ${event.result.repo}: ${summary(event.result)}\n`);
      }
    },
    stop: () => undefined,
  };
}

function progressBars(stream: Stream): ProgressDisplay {
  const bars = new MultiBar({
    stream,
    format: ' {bar} {label} {status}',
    barsize: 20,
    hideCursor: true,
    clearOnComplete: false,
    autopadding: true,
  });
  let overall: SingleBar | undefined;
  const perRepo = new Map<string, SingleBar>();
  let finished = 0;
  return {
    onProgress(event) {
      if (event.kind === 'started') {
        overall = bars.create(event.total, 0, { label: 'all repos', status: `0/${event.total}` });
      } else if (event.kind === 'repo_started') {
        perRepo.set(event.repo, bars.create(1, 0, { label: event.repo, status: 'syncing…' }));
      } else {
        finished += 1;
        const bar = perRepo.get(event.result.repo) ?? bars.create(1, 0, { label: event.result.repo });
        bar.update(1, { status: summary(event.result) });
        overall?.update(finished, { status: `${finished}/${event.total}` });
      }
    },
    stop: () => bars.stop(),
  };
}

export function progressDisplay(stream: Stream = process.stderr): ProgressDisplay {
  return stream.isTTY ? progressBars(stream) : plainLines(stream);
}

/** While waiting on the hub: elapsed seconds on a terminal, one line otherwise. */
export function waitingDisplay(what: string, stream: Stream = process.stderr): { stop(): void } {
  const started = Date.now();
  if (!stream.isTTY) {
    stream.write(`${what}…\n`);
    return { stop: () => undefined };
  }
  const draw = () => stream.write(`\r${what}… ${Math.round((Date.now() - started) / 1000)} s `);
  draw();
  const timer = setInterval(draw, 1000);
  let stopped = false;
  return {
    stop() {
      if (stopped) return;
      stopped = true;
      clearInterval(timer);
      stream.write('\r\x1b[2K');
    },
  };
}
