/** The rows of a TypeORM `query()` result: it answers UPDATE/DELETE … RETURNING with `[rows, count]` on Postgres. */
export function typeormRows<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
