import { closeDataSource, openDataSource } from '@state-hub/db';
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { queryRows, whereAll } from './plain-sql';

describe('queryRows (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('statehub_plain_sql');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 2 });
    await ds.query(`INSERT INTO domains (slug, name) VALUES ('a', 'A'), ('b', 'B')`);
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });

  const statements: Array<[string, string, unknown[]]> = [
    ['SELECT', `SELECT slug FROM domains WHERE slug = ANY($1) ORDER BY slug`, [['a', 'b']]],
    ['INSERT … RETURNING', `INSERT INTO domains (slug, name) VALUES ($1, 'C') RETURNING slug`, ['c']],
    ['UPDATE … RETURNING', `UPDATE domains SET name = name || '!' WHERE slug = ANY($1) RETURNING slug`, [['a']]],
    ['DELETE … RETURNING', `DELETE FROM domains WHERE slug = $1 RETURNING slug`, ['c']],
  ];

  it.each(statements)('gives the rows of a %s alike on its own and in a transaction', async (_kind, sql, params) => {
    // first in a transaction that is rolled back, then on its own: both see the same table
    const inTransaction = await ds
      .transaction(async (manager) => {
        const rows = await queryRows<{ slug: string }>(manager, sql, params);
        throw Object.assign(new Error('roll back'), { rows });
      })
      .catch((e: { rows: unknown }) => e.rows);
    const alone = await queryRows<{ slug: string }>(ds, sql, params);
    expect(alone.length).toBeGreaterThan(0);
    expect(inTransaction).toEqual(alone);
  });

  it('runs on the transaction of a manager that has one', async () => {
    await ds
      .transaction(async (manager) => {
        await queryRows(manager, `INSERT INTO domains (slug, name) VALUES ('rolled', 'R')`);
        expect(await queryRows(manager, `SELECT 1 FROM domains WHERE slug = 'rolled'`)).toHaveLength(1);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await queryRows(ds, `SELECT 1 FROM domains WHERE slug = 'rolled'`)).toHaveLength(0);
  });

  it("fails with the driver's error, which carries Postgres's code", async () => {
    await expect(queryRows(ds, `INSERT INTO domains (slug, name) VALUES ('a', 'again')`)).rejects.toMatchObject({
      code: '23505',
    });
  });
});

describe('whereAll', () => {
  it('numbers each filter value after the parameters already there', () => {
    const params: unknown[] = [50];
    expect(whereAll(params, ['r.status = ?x', ['r.slug = ? OR r.name = ?', 'hub'], false, undefined])).toBe(
      'WHERE r.status = ?x AND r.slug = $2 OR r.name = $2',
    );
    expect(params).toEqual([50, 'hub']);
    expect(whereAll([], [false])).toBe('');
  });
});
