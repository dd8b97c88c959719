// `--since 7d` / `--since 24h` / `--since 2026-06-21T00:00:00Z` and `--until <ISO>`
// as the comparison's window.
import { UsageError } from '../cli/cli-errors';

const RFC3339 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/i;
const RELATIVE = /^(\d{1,5})([dh])$/;
const UNIT_MS = { d: 24 * 3600 * 1000, h: 3600 * 1000 } as const;

/** Date refuses hour 25 but rolls 2026-02-30 over into March: check the calendar day too. */
function realDay(raw: string): boolean {
  const [y, m, d] = raw.slice(0, 10).split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function instant(raw: string, flag: string): Date {
  const date = RFC3339.test(raw) && realDay(raw) ? new Date(raw) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new UsageError(`${flag} must be an ISO timestamp such as 2026-06-21T00:00:00Z (got "${raw}")`);
  }
  return date;
}

/** The window [since, until): a relative `since` counts back from `until` (default now). */
export function timeWindow(since: string, until: string | undefined, now = new Date()): { since: Date; until: Date } {
  const end = until === undefined ? now : instant(until, '--until');
  const relative = RELATIVE.exec(since);
  const start = relative
    ? new Date(end.getTime() - Number(relative[1]) * UNIT_MS[relative[2] as 'd' | 'h'])
    : RFC3339.test(since)
      ? instant(since, '--since')
      : undefined;
  if (!start) {
    throw new UsageError(`--since must be a duration such as 7d or 24h, or an ISO timestamp (got "${since}")`);
  }
  if (start.getTime() >= end.getTime()) {
    throw new UsageError(`--since (${start.toISOString()}) must be before --until (${end.toISOString()})`);
  }
  return { since: start, until: end };
}
