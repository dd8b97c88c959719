// The bench database (created fresh, dropped at the end) and the raw INSERT + COMMIT baseline.
import { createTestDatabase } from '@state-hub/testing';
import { Client, Pool } from 'pg';
import type { StageResult } from './load';

export const ADMIN_URL = process.env.BENCH_ADMIN_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates a fresh statehub_<tag>_<pid>_<random> database and returns its name and URL. */
export async function createDatabase(tag = 'bench'): Promise<{ name: string; url: string }> {
  const { name, url } = await createTestDatabase(`statehub_${tag}`, ADMIN_URL);
  return { name, url };
}

export async function dropDatabase(name: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}

export async function serverFacts(): Promise<{ postgres: string; fsync: string; synchronousCommit: string }> {
  return admin(async (c) => {
    const one = async (sql: string) => String(Object.values((await c.query(sql)).rows[0])[0]);
    return {
      postgres: await one('SHOW server_version'),
      fsync: await one('SHOW fsync'),
      synchronousCommit: await one('SHOW synchronous_commit'),
    };
  });
}

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
}

/**
 * Raw baseline: `connections` loops, each on its own connection, each doing
 * BEGIN; INSERT one progress-event-shaped row RETURNING id; COMMIT — for warm-up + `seconds`.
 * Uses a copy of progress_events (same columns, defaults and indexes, no foreign keys).
 */
export async function rawInsertStage(
  url: string,
  opts: { connections: number; seconds: number; warmupSeconds: number },
): Promise<StageResult> {
  const pool = new Pool({ connectionString: url, max: opts.connections });
  try {
    await pool.query(
      'CREATE TABLE IF NOT EXISTS bench_raw_events (LIKE progress_events INCLUDING DEFAULTS INCLUDING INDEXES)',
    );
    const repoId = (await pool.query(`SELECT id FROM repos WHERE slug = 'repo-1'`)).rows[0]?.id ?? null;
    const detail = JSON.stringify({ n: 1 });

    const run = async (ms: number): Promise<{ latencies: number[]; elapsed: number }> => {
      const latencies: number[] = [];
      const start = performance.now();
      const end = start + ms;
      const loop = async () => {
        const client = await pool.connect();
        try {
          while (performance.now() < end) {
            const t0 = performance.now();
            await client.query('BEGIN');
            await client.query(
              `INSERT INTO bench_raw_events (event_type, summary, detail, repo_id, occurred_at)
               VALUES ($1, $2, $3, $4, now()) RETURNING id, created_at`,
              ['note', 'bench', detail, repoId],
            );
            await client.query('COMMIT');
            latencies.push(performance.now() - t0);
          }
        } finally {
          client.release();
        }
      };
      await Promise.all(Array.from({ length: opts.connections }, loop));
      return { latencies, elapsed: performance.now() - start };
    };

    await run(opts.warmupSeconds * 1000);
    const { latencies, elapsed } = await run(opts.seconds * 1000);
    latencies.sort((a, b) => a - b);
    return {
      rate: latencies.length / (elapsed / 1000),
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      count: latencies.length,
    };
  } finally {
    await pool.end();
  }
}

/**
 * Raw floor of an engine run's latency: at a steady `rate`, each event is one INSERT (the claim) and then one
 * UPDATE of that row (the outcome), each its own commit, on a pool of `connections` — the two commits a run
 * cannot do without, with nothing else (no NATS, no rule, no HTTP, no batching). Latency is from just before the
 * INSERT to the UPDATE's commit, ms (the engine's "run recorded" stops just before its UPDATE is sent, so this
 * floor also holds one commit the engine's figure does not). One untimed second at the same rate first opens the
 * connections and warms the server's backends.
 */
export async function rawTwoCommitLatency(
  url: string,
  opts: { rate: number; seconds: number; connections: number },
): Promise<{ p50: number; p99: number; count: number }> {
  const pool = new Pool({ connectionString: url, max: opts.connections });
  try {
    await pool.query(
      `CREATE TABLE IF NOT EXISTS bench_raw_runs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
         trigger_key text NOT NULL UNIQUE, started_at timestamptz NOT NULL DEFAULT now(), finished_at timestamptz)`,
    );
    const openLoop = async (seconds: number, tag: string): Promise<number[]> => {
      const latencies: number[] = [];
      const runs: Array<Promise<void>> = [];
      let failure: unknown;
      const total = Math.round(opts.rate * seconds);
      const start = performance.now();
      for (let i = 0; i < total && failure === undefined; i++) {
        const wait = start + (i * 1000) / opts.rate - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const t0 = performance.now();
        runs.push(
          pool
            .query('INSERT INTO bench_raw_runs (trigger_key) VALUES ($1) RETURNING id', [`${tag}-${i}`])
            .then(({ rows }) => pool.query('UPDATE bench_raw_runs SET finished_at = now() WHERE id = $1', [rows[0].id]))
            .then(
              () => void latencies.push(performance.now() - t0),
              (err: unknown) => void (failure ??= err),
            ),
        );
      }
      await Promise.all(runs);
      if (failure !== undefined) throw failure;
      return latencies;
    };
    const tag = String(Date.now());
    await openLoop(1, `${tag}-warm-up`);
    const latencies = (await openLoop(opts.seconds, tag)).sort((a, b) => a - b);
    return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), count: latencies.length };
  } finally {
    await pool.end();
  }
}
