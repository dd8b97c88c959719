// The comparison's time window, named in the URL (`?window=7d`) so it can be shared.

export const SWEEP_WINDOWS = ['1d', '7d', '30d'] as const;
export type SweepWindow = (typeof SWEEP_WINDOWS)[number];

const DAYS: Record<SweepWindow, number> = { '1d': 1, '7d': 7, '30d': 30 };

/** The window's start, `days` before `now`, as the API's date-time. */
export function windowStart(window: SweepWindow, now: Date): string {
  return new Date(now.getTime() - DAYS[window] * 86_400_000).toISOString();
}
