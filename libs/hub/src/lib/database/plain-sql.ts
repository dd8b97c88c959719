// The hot routes run their SQL as written here and map plain rows to views: no query builder to compile per
// request and no entity hydration. The profile of GET /repos under load put TypeORM's query building and
// hydration at a third of the API's CPU; a plain query costs what the same SQL costs by hand.
import type { DataSource, EntityManager } from 'typeorm';

/** Runs one parameterised statement and returns its rows as the driver parsed them. */
export function selectRows<T>(db: DataSource | EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return db.query(sql, params) as Promise<T[]>;
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
