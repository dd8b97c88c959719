// Where the relay's queries go. On a Postgres server the relay has a small pool of its
// own whose commits do not wait for the WAL flush (synchronous_commit=off): its
// writes are bookkeeping — a lost claim just expires, a lost mark re-publishes a row
// that the stream de-duplicates by Nats-Msg-Id — so it need not compete with the API's
// commits for fsyncs, and each claim or mark is one round trip. The embedded database
// has a single connection, shared with the app.
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';

export interface OutboxDb {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** The rows of a TypeORM `query()` result: it answers UPDATE/DELETE … RETURNING with `[rows, count]` on Postgres. */
export function typeormRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

export function outboxDbFromDataSource(dataSource: DataSource): OutboxDb {
  return {
    query: async <T>(sql: string, params?: unknown[]) => typeormRows<T>(await dataSource.query(sql, params)),
    close: async () => undefined, // the data source belongs to the app
  };
}

export function outboxDbFromUrl(url: string, logger: { warn(message: string): void }): OutboxDb {
  const pool = new Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: 5000,
    options: '-c synchronous_commit=off',
  });
  // An idle connection dropped by a Postgres restart must not crash the process.
  pool.on('error', (err) => logger.warn(`outbox relay connection failed: ${err.message}`));
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await pool.query(sql, params)).rows as T[],
    close: () => pool.end(),
  };
}
