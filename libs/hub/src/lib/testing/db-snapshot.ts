// A fingerprint of every table in the app's schema (event_outbox included), so
// a test can tell "the database is exactly as it was". New tables are covered
// without anyone updating a list.
import type { DataSource } from 'typeorm';

const snapshotQueries = new WeakMap<DataSource, Promise<string>>();

/** One query that hashes each table's rows in a stable order, tables joined by `|`. */
async function buildSnapshotQuery(ds: DataSource): Promise<string> {
  const tables: { name: string }[] = await ds.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  if (tables.length === 0) throw new Error('db snapshot: the schema has no tables');
  const parts = tables.map(({ name }) => {
    const ident = `"${name.replace(/"/g, '""')}"`;
    const label = name.replace(/'/g, "''");
    return `'${label}=' || (SELECT md5(COALESCE(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${ident} x)`;
  });
  return `SELECT ${parts.join(` || '|' || `)} AS h`;
}

/** `table=md5|table=md5|…` over every base table of the current schema. */
export async function tableSnapshot(ds: DataSource): Promise<string> {
  let query = snapshotQueries.get(ds);
  if (!query) {
    query = buildSnapshotQuery(ds);
    snapshotQueries.set(ds, query);
  }
  const rows: { h: string }[] = await ds.query(await query);
  return rows[0].h;
}

/** The tables whose fingerprint differs between two snapshots (for a readable failure). */
export function changedTables(before: string, after: string): string[] {
  const old = new Map(before.split('|').map((p) => p.split('=') as [string, string]));
  return after
    .split('|')
    .map((p) => p.split('=') as [string, string])
    .filter(([table, hash]) => old.get(table) !== hash)
    .map(([table]) => table);
}
