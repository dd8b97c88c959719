// Reads recorded sweeps back: the history list and the parallel-run
// comparison per source (DESIGN.md §6), both straight from the progress
// events' jsonb detail in SQL.
import type { DataSource } from 'typeorm';
import { SweepQueryError } from './errors';
import {
  SWEEP_PROGRESS_EVENT,
  type SweepComparison,
  type SweepComparisonRow,
  type SweepCounts,
  type SweepHistoryEntry,
  type SweepHistoryQuery,
} from './types';

export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 200;

interface Filter {
  where: string;
  params: unknown[];
}

function filterOf(query: SweepHistoryQuery): Filter {
  const params: unknown[] = [SWEEP_PROGRESS_EVENT];
  const clauses = ['event_type = $1'];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace('?', `$${params.length}`));
  };
  if (query.since) add('occurred_at >= ?', query.since);
  if (query.until) add('occurred_at < ?', query.until);
  if (query.source) add("detail->>'source' = ?", query.source);
  return { where: clauses.join(' AND '), params };
}

function checkPage(limit: number, offset: number): void {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_HISTORY_LIMIT) {
    throw new SweepQueryError('limit', `must be an integer from 1 to ${MAX_HISTORY_LIMIT}, got ${limit}`);
  }
  if (!Number.isInteger(offset) || offset < 0) {
    throw new SweepQueryError('offset', `must be a non-negative integer, got ${offset}`);
  }
}

interface HistoryRow {
  id: string;
  occurred_at: Date;
  detail: Record<string, unknown>;
}

const ZERO_COUNTS: SweepCounts = { repos: 0, synced: 0, skipped_lock: 0, skipped_budget: 0, failed: 0, warnings: 0 };

function toEntry(row: HistoryRow): SweepHistoryEntry {
  const d = row.detail;
  return {
    id: row.id,
    occurred_at: new Date(row.occurred_at).toISOString(),
    source: String(d['source'] ?? 'unknown'),
    outcome: String(d['outcome'] ?? 'unknown'),
    remote: d['remote'] === true,
    duration_ms: Number(d['duration_ms'] ?? 0),
    counts: { ...ZERO_COUNTS, ...((d['counts'] as Partial<SweepCounts> | undefined) ?? {}) },
    warnings: Array.isArray(d['warnings']) ? (d['warnings'] as unknown[]).map(String) : [],
  };
}

/** Recorded sweeps, newest first. */
export async function listSweeps(
  ds: DataSource,
  query: SweepHistoryQuery,
): Promise<{ items: SweepHistoryEntry[]; total: number }> {
  const limit = query.limit ?? DEFAULT_HISTORY_LIMIT;
  const offset = query.offset ?? 0;
  checkPage(limit, offset);
  const { where, params } = filterOf(query);
  const n = params.length;
  const rows: (HistoryRow & { total: string })[] = await ds.query(
    `SELECT id, occurred_at, detail, count(*) OVER () AS total
       FROM progress_events WHERE ${where}
      ORDER BY occurred_at DESC, id DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
    [...params, limit, offset],
  );
  if (rows.length > 0 || offset === 0) return { items: rows.map(toEntry), total: Number(rows[0]?.total ?? 0) };
  // a page past the end still reports the total
  const [{ total }]: { total: string }[] = await ds.query(
    `SELECT count(*) AS total FROM progress_events WHERE ${where}`,
    params,
  );
  return { items: [], total: Number(total) };
}

const int = (path: string) => `coalesce((detail${path})::int, 0)`;

/** The parallel-run comparison per source over [since, until). */
export async function compareSweeps(ds: DataSource, since: Date, until: Date): Promise<SweepComparison> {
  if (!(since.getTime() < until.getTime())) {
    throw new SweepQueryError('since', `must be before until (${since.toISOString()} >= ${until.toISOString()})`);
  }
  const rows: Record<string, unknown>[] = await ds.query(
    `SELECT coalesce(detail->>'source', 'unknown') AS source,
            count(*)::int AS runs,
            count(*) FILTER (WHERE detail->>'outcome' = 'completed')::int AS completed,
            count(*) FILTER (WHERE detail->>'outcome' = 'skipped_lock')::int AS runs_skipped_lock,
            sum(${int("->'counts'->>'skipped_lock'")})::int AS repos_skipped_lock,
            sum(${int("->'counts'->>'skipped_budget'")})::int AS repos_skipped_budget,
            count(*) FILTER (WHERE ${int("->'counts'->>'failed'")} > 0)::int AS hard_failures,
            count(*) FILTER (WHERE ${int("->'counts'->>'failed'")} = 0
                               AND ${int("->'counts'->>'warnings'")} > 0)::int AS warn_only,
            min(occurred_at) AS first_run_at,
            max(occurred_at) AS last_run_at
       FROM progress_events
      WHERE event_type = $1 AND occurred_at >= $2 AND occurred_at < $3
      GROUP BY 1 ORDER BY 1`,
    [SWEEP_PROGRESS_EVENT, since, until],
  );
  const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
  const sources = rows.map((r): SweepComparisonRow => ({
    source: String(r['source']),
    runs: Number(r['runs']),
    completed: Number(r['completed']),
    completion_rate: Number(r['runs']) > 0 ? Number(r['completed']) / Number(r['runs']) : 0,
    runs_skipped_lock: Number(r['runs_skipped_lock']),
    repos_skipped_lock: Number(r['repos_skipped_lock']),
    repos_skipped_budget: Number(r['repos_skipped_budget']),
    hard_failures: Number(r['hard_failures']),
    warn_only: Number(r['warn_only']),
    first_run_at: iso(r['first_run_at']),
    last_run_at: iso(r['last_run_at']),
  }));
  return { since: since.toISOString(), until: until.toISOString(), sources };
}
