// Where the relay's queries go. On a Postgres server the relay has a small pool of its
// own, set up for what the relay does:
// - its commits do not wait for the WAL flush (synchronous_commit=off): its writes are
//   bookkeeping — a lost claim just expires, a lost mark re-publishes a row that the
//   stream de-duplicates by Nats-Msg-Id — so it need not compete with the API's commits
//   for fsyncs, and each claim or mark is one round trip;
// - no bitmap scans (enable_bitmapscan=off): a claim reads the oldest pending rows of a
//   queue whose index entries die as fast as rows are published. An ordered index scan
//   marks the dead entries it meets and steps over them from then on; a bitmap scan (the
//   planner's pick while the table's statistics are stale) re-reads every entry and heap
//   page of the rows published since the last vacuum, on every claim;
// - each statement is parsed once per connection (they are few and fixed), and still
//   planned on every run (plan_cache_mode=force_custom_plan): a generic plan, which the
//   server settles on after five runs, was chosen while the table was small and grew
//   slower with every published row. In the relay bench's API stages this halved the
//   server CPU a published event costs (0.20-0.29 ms to 0.10-0.11 ms).
// The embedded database has a single connection, shared with the app.
import { IDLE_CONNECTIONS_KEPT, typeormRows } from '@state-hub/db';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';

export interface OutboxDb {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export function outboxDbFromDataSource(dataSource: DataSource): OutboxDb {
  return {
    query: async <T>(sql: string, params?: unknown[]) => typeormRows<T>(await dataSource.query(sql, params)),
    close: async () => undefined, // the data source belongs to the app
  };
}

/** Statements the relay pool prepares at most; the store has about ten, fixed. */
const MAX_PREPARED = 32;
/** "cached plan must not change result type" (0A000) and an unknown prepared statement (26000). */
const STALE_STATEMENT_CODES = new Set(['0A000', '26000']);

export function outboxDbFromUrl(url: string, logger: { warn(message: string): void }): OutboxDb {
  const pool = new Pool({
    connectionString: url,
    max: 2,
    connectionTimeoutMillis: 5000,
    ...IDLE_CONNECTIONS_KEPT, // a reconnect would prepare the statements again too
    options: '-c synchronous_commit=off -c enable_bitmapscan=off -c plan_cache_mode=force_custom_plan',
  });
  // An idle connection dropped by a Postgres restart must not crash the process.
  pool.on('error', (err) => logger.warn(`outbox relay connection failed: ${err.message}`));
  const statementNames = new Map<string, string>();
  const nameOf = (sql: string): string | undefined => {
    let name = statementNames.get(sql);
    if (name === undefined && statementNames.size < MAX_PREPARED) {
      statementNames.set(sql, (name = `state_hub_outbox_${statementNames.size + 1}`));
    }
    return name; // undefined past the cap: parsed each time, as any one-off statement
  };
  return {
    query: async <T>(sql: string, params?: unknown[]) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out client has no listener of the pool's: when its connection dies (Postgres restarted or
      // crashed), it emits 'error', which unheard would end the process. The query fails with that error too.
      const lost = (err: Error) => (broken = err);
      client.on('error', lost);
      try {
        return (await client.query({ name: nameOf(sql), text: sql, values: params })).rows as T[];
      } catch (err) {
        // A prepared statement a migration made stale fails on every later run on that connection:
        // the connection is closed instead of being handed back, and the next one prepares afresh.
        if (STALE_STATEMENT_CODES.has((err as { code?: string }).code ?? '')) broken = err as Error;
        throw err;
      } finally {
        client.removeListener('error', lost);
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}
