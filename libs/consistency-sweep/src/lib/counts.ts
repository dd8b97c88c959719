// Zero values and sums of the counters a sweep reports per repo and in total.
import type { ChangeCounts, FileCounts } from './types';

export function emptyFileCounts(): FileCounts {
  return { scanned: 0, unchanged: 0, synced: 0, errors: 0, orphaned: 0, not_workplan: 0 };
}

export function emptyChangeCounts(): ChangeCounts {
  return {
    workstreams_created: 0,
    workstreams_updated: 0,
    workstreams_archived: 0,
    workstreams_completed: 0,
    tasks_created: 0,
    tasks_updated: 0,
    ids_written: 0,
    files_written: 0,
    writeback_commits: 0,
  };
}

/** Adds every counter of `b` into `a` (same keys). */
export function addInto<T extends object>(a: T, b: T): T {
  const target = a as Record<string, number>;
  for (const [key, value] of Object.entries(b as Record<string, number>)) target[key] = (target[key] ?? 0) + value;
  return a;
}
