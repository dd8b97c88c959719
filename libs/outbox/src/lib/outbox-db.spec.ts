// The relay's own connection pool against real Postgres: its claims stay cheap while published rows pile up
// (nothing vacuums the table in between), pass after pass of the same prepared statements.
import { closeDataSource, openDataSource } from '@state-hub/db';
import { createTestDatabase, eventually, startPostgresServer, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { outboxDbFromUrl, type OutboxDb } from './outbox-db';
import { CLAIM_SQL, OutboxStore } from './outbox-store';

const PUBLISHED = 3000;

interface PlanNode {
  'Node Type': string;
  'Shared Hit Blocks': number;
  'Shared Read Blocks': number;
  Plans?: PlanNode[];
}
const nodeTypes = (node: PlanNode): string[] => [node['Node Type'], ...(node.Plans ?? []).flatMap(nodeTypes)];

describe('outboxDbFromUrl (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let relayDb: OutboxDb;
  let store: OutboxStore;

  /** What the next claim of up to 1024 rows reads: its plan's node types and the buffers it touched. */
  const claimCost = async () => {
    const [row] = await relayDb.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${CLAIM_SQL}`,
      [1024, 30_000],
    );
    const plan = row['QUERY PLAN'][0].Plan;
    return { nodes: nodeTypes(plan), buffers: plan['Shared Hit Blocks'] + plan['Shared Read Blocks'] };
  };

  beforeAll(async () => {
    db = await createTestDatabase('statehub_outbox_db');
    ds = await openDataSource({ url: db.url, dataDir: 'unused', poolSize: 2 });
    relayDb = outboxDbFromUrl(db.url, { warn: (m) => console.warn(m) });
    store = new OutboxStore(relayDb);
  });
  afterAll(async () => {
    await relayDb?.close();
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });

  it('claims the pending rows without re-reading the rows published since the last vacuum', async () => {
    await ds.query(
      `INSERT INTO event_outbox (id, subject, envelope, created_at)
       SELECT gen_random_uuid(), 'org.test.thing.happened', jsonb_build_object('n', n),
              now() - interval '1 hour' + n * interval '1 ms'
         FROM generate_series(1, $1) AS n`,
      [PUBLISHED],
    );
    // The relay's passes: claim a batch, mark it published (every row leaves dead entries behind).
    for (let claimed = await store.claim(100, 30_000); claimed.length > 0; claimed = await store.claim(100, 30_000)) {
      await store.markPublished(claimed.map((r) => r.id));
    }
    expect(await store.pendingCount()).toBe(0);
    await ds.query(`INSERT INTO event_outbox (id, subject, envelope) VALUES (gen_random_uuid(), 'org.test.x', '{}')`);

    const first = await claimCost(); // meets the dead entries once, and marks them
    const next = await claimCost();
    expect(first.nodes).toContain('Index Scan');
    expect(first.nodes).not.toContain('Bitmap Heap Scan');
    // A few index pages, not the ~80 heap pages the 3,000 published rows' old versions sit on.
    expect(next.buffers).toBeLessThan(40);
    expect(await store.claim(10, 30_000)).toEqual([]); // the EXPLAIN ANALYZE claimed the new row
    // The claim ran ~30 times as one prepared statement, and was planned afresh each time.
    const [plans] = await relayDb.query<{ generic_plans: number; custom_plans: number }>(
      `SELECT generic_plans::int, custom_plans::int FROM pg_prepared_statements WHERE statement LIKE 'WITH claimed AS%'`,
    );
    expect(plans.generic_plans).toBe(0);
    expect(plans.custom_plans).toBeGreaterThan(5);
  });

  it("sets up only the relay's own connections: no WAL flush wait, no bitmap scans, plans made per run", async () => {
    const settings =
      "SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'enable_bitmapscan', 'plan_cache_mode') ORDER BY name";
    const relay = await relayDb.query<{ name: string; setting: string }>(settings);
    const app = (await ds.query(settings)) as Array<{ name: string; setting: string }>;
    expect(relay).toEqual([
      { name: 'enable_bitmapscan', setting: 'off' },
      { name: 'plan_cache_mode', setting: 'force_custom_plan' },
      { name: 'synchronous_commit', setting: 'off' },
    ]);
    expect(app).toEqual([
      { name: 'enable_bitmapscan', setting: 'on' },
      { name: 'plan_cache_mode', setting: 'auto' },
      { name: 'synchronous_commit', setting: 'on' },
    ]);
  });

  it('answers after a quiet spell on the connections it already had', async () => {
    const backends = async () =>
      (
        await Promise.all(
          [1, 2].map(() => relayDb.query<{ pid: number }>('SELECT pg_backend_pid() AS pid, pg_sleep(0.05)')),
        )
      )
        .map(([row]) => row.pid)
        .sort();
    const before = await backends();
    expect(new Set(before).size).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 11_000)); // pg-pool alone closes one after 10 s
    expect(await backends()).toEqual(before);
  }, 20_000);

  // Last: it changes the table.
  it('gets over a prepared claim made stale by a migration, instead of failing on that connection for good', async () => {
    await store.claim(10, 30_000);
    await ds.query('ALTER TABLE event_outbox ALTER COLUMN subject TYPE text'); // the claim returns subject
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++) {
      outcomes.push(
        await store.claim(10, 30_000).then(
          () => 'ok',
          (err: Error) => err.message,
        ),
      );
    }
    // Each of the pool's two connections may fail once with its stale statement; then claims work again.
    expect(outcomes.slice(2)).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes.filter((o) => o !== 'ok').every((o) => /cached plan must not change result type/.test(o))).toBe(
      true,
    );
  });
});

// A Postgres server of its own (initdb and pg_ctl from /usr/lib/postgresql, or STATE_HUB_TEST_PG_BIN), to stop it.
describe('outboxDbFromUrl when Postgres goes down under a query (own Postgres server)', () => {
  it('fails that query, not the process, and runs the next one once the server is back', async () => {
    const server = await startPostgresServer();
    const relayDb = outboxDbFromUrl(server.url, { warn: () => undefined });
    try {
      const pending = relayDb.query('SELECT pg_sleep(30)');
      await eventually(async () => {
        const [row] = await relayDb.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'`,
        );
        expect(row.n).toBe(1);
      });
      // An immediate shutdown (a crash, to the client) only warns the session before its socket closes: the
      // client errors while the pool has it lent out. Unheard, that error would fail this test as uncaught.
      server.stop('immediate');
      await expect(pending).rejects.toThrow();
      server.start();
      // The pool's other connection died as well; it is dropped when its socket's end is read, as the relay's next
      // pass would find.
      await eventually(async () => expect(await relayDb.query('SELECT 1 AS one')).toEqual([{ one: 1 }]));
    } finally {
      await relayDb.close();
      server.destroy();
    }
  });
});
