// The hot routes run their SQL as written here and map plain rows to views: no query builder to compile per
// request and no entity hydration. The profile of GET /repos under load put TypeORM's query building and
// hydration at a third of the API's CPU; a plain query costs what the same SQL costs by hand.
// Outside a transaction such a statement goes straight to the driver's pool: TypeORM's query runner (a runner
// per statement, its broadcaster's events, three more awaits) cost about as much CPU as the statement's own
// round trip on POST /progress-events. Errors are the driver's own, which the error filter classifies alike.
import { typeormRows } from '@state-hub/db';
import type { DataSource, EntityManager } from 'typeorm';

interface Pool {
  query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The pool behind `db` when a statement on it runs on its own, else undefined (a transaction's manager). */
function poolOf(db: DataSource | EntityManager): Pool | undefined {
  if (!('driver' in db) && db.queryRunner) return undefined; // in a transaction: the statement uses its connection
  const { master } = ('driver' in db ? db : db.dataSource).driver as { master?: Partial<Pool> };
  return typeof master?.query === 'function' ? (master as Pool) : undefined;
}

/**
 * Runs one parameterised statement and returns the rows it gives back (a SELECT's, or those of INSERT/UPDATE …
 * RETURNING) as the driver parsed them, the same on either path.
 */
export async function queryRows<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  const pool = poolOf(db);
  if (pool) return (await pool.query(sql, params)).rows as T[];
  return typeormRows<T>(await db.query(sql, params));
}

/** A condition that always applies (plain SQL), or one with a value for its `?` (each of them). */
export type Filter = string | readonly [sql: string, value: unknown];

/**
 * `WHERE a AND b …` from the filters that apply (falsy entries are skipped). A filter's value is appended to
 * `params` and every `?` in it becomes that parameter's number; no filter at all gives ''.
 */
export function whereAll(params: unknown[], filters: Array<Filter | false | undefined>): string {
  const parts: string[] = [];
  for (const filter of filters) {
    if (!filter) continue;
    if (typeof filter === 'string') {
      parts.push(filter);
      continue;
    }
    params.push(filter[1]);
    parts.push(filter[0].replaceAll('?', `$${params.length}`));
  }
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '';
}
