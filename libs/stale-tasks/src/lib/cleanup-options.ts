// Checks a caller's options once, at the edge of the library, and fills defaults.
import { StaleCleanupOptionsError } from './stale-cleanup-error';
import {
  DEFAULT_STALE_AFTER_DAYS,
  MAX_STALE_AFTER_DAYS,
  MIN_STALE_AFTER_DAYS,
  type StaleCleanupOptions,
} from './types';

export interface ResolvedCleanupOptions {
  dryRun: boolean;
  staleAfterDays: number;
  pageSize: number;
}

export const DEFAULT_PAGE_SIZE = 200;
const MAX_PAGE_SIZE = 10_000;

function isIntIn(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

export function resolveCleanupOptions(options: StaleCleanupOptions): ResolvedCleanupOptions {
  const staleAfterDays = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  if (!isIntIn(staleAfterDays, MIN_STALE_AFTER_DAYS, MAX_STALE_AFTER_DAYS)) {
    throw new StaleCleanupOptionsError(
      `staleAfterDays must be an integer between ${MIN_STALE_AFTER_DAYS} and ${MAX_STALE_AFTER_DAYS} (got ${String(staleAfterDays)})`,
      'staleAfterDays',
    );
  }
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  if (!isIntIn(pageSize, 1, MAX_PAGE_SIZE)) {
    throw new StaleCleanupOptionsError(
      `pageSize must be an integer between 1 and ${MAX_PAGE_SIZE} (got ${String(pageSize)})`,
      'pageSize',
    );
  }
  if (options.now !== undefined && Number.isNaN(options.now.getTime())) {
    throw new StaleCleanupOptionsError('now must be a valid date', 'now');
  }
  return { dryRun: options.dryRun ?? false, staleAfterDays, pageSize };
}
