// The pool keeps the connections it opened through a quiet spell (ten minutes): the first statements after it do
// not wait for new connections (pg-pool on its own closes one after 10 s idle).
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { closeDataSource, openDataSource } from './data-source';

const PG_POOL_IDLE_DEFAULT_MS = 10_000;

describe('connection pool (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('statehub_pool');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 3 });
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });

  const backends = async (): Promise<number[]> => {
    // three statements at once hold three connections
    const rows = await Promise.all(
      [1, 2, 3].map(() => ds.query('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)') as Promise<[{ pid: number }]>),
    );
    return rows.map(([row]) => row.pid).sort();
  };

  it(
    'answers after a quiet spell on the connections it already had',
    async () => {
      const before = await backends();
      expect(new Set(before).size).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, PG_POOL_IDLE_DEFAULT_MS + 1_000));
      expect(await backends()).toEqual(before);
    },
    PG_POOL_IDLE_DEFAULT_MS + 10_000,
  );
});
