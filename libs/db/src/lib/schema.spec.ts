// The migrations are the schema: they apply to an empty Postgres, match the
// entities exactly (no drift), enforce the domain's constraints, and revert.
import { createTestDatabase, type TestDatabase } from '@state-hub/testing';
import type { DataSource } from 'typeorm';
import { closeDataSource, openDataSource } from './data-source';

describe('schema (real Postgres)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('statehub_schema');
    ds = await openDataSource({ url: db.url, dataDir: 'unused' });
  });
  afterAll(async () => {
    if (ds) await closeDataSource(ds);
    await db?.drop();
  });

  it('creates every table with snake_case columns, uuid keys and timestamptz', async () => {
    const tables = await ds.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual([
      'activity_definitions',
      'activity_runs',
      'cron_schedule_state',
      'dead_letter_redrives',
      'dead_letters',
      'decisions',
      'domain_goals',
      'domains',
      'event_outbox',
      'migrations',
      'progress_events',
      'repos',
      'tasks',
      'webhook_deliveries',
      'workplan_files',
      'workstreams',
    ]);
    const cols = await ds.query(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'migrations'`,
    );
    for (const c of cols as { table_name: string; column_name: string; data_type: string }[]) {
      expect(c.column_name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      // definitions are keyed by their own stable id (e.g. the-custodian.state-hub-consistency-sweep)
      if (c.column_name === 'id' && c.table_name !== 'activity_definitions') expect(c.data_type).toBe('uuid');
      if (c.column_name.endsWith('_at')) expect(c.data_type).toBe('timestamp with time zone');
    }
  });

  it('matches the entities exactly (a migration is missing otherwise)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('enforces the unique keys of the domain', async () => {
    const [{ id: domainId }] = await ds.query(`INSERT INTO domains (slug, name) VALUES ('d', 'D') RETURNING id`);
    const [{ id: repoId }] = await ds.query(
      `INSERT INTO repos (slug, name, domain_id) VALUES ('r', 'R', $1) RETURNING id`,
      [domainId],
    );
    await expect(
      ds.query(`INSERT INTO repos (slug, name, domain_id) VALUES ('r', 'R2', $1)`, [domainId]),
    ).rejects.toThrow(/duplicate key/);
    const [{ id: wsId }] = await ds.query(
      `INSERT INTO workstreams (repo_id, workplan_id, title) VALUES ($1, 'WP-1', 'W') RETURNING id`,
      [repoId],
    );
    await expect(
      ds.query(`INSERT INTO workstreams (repo_id, workplan_id, title) VALUES ($1, 'WP-1', 'again')`, [repoId]),
    ).rejects.toThrow(/uq_workstreams_repo_workplan/);
    await ds.query(`INSERT INTO tasks (workstream_id, task_key, title) VALUES ($1, 'T1', 'T')`, [wsId]);
    await expect(
      ds.query(`INSERT INTO tasks (workstream_id, task_key, title) VALUES ($1, 'T1', 'T')`, [wsId]),
    ).rejects.toThrow(/uq_tasks_workstream_task_key/);
    await expect(
      ds.query(`INSERT INTO repos (slug, name, domain_id) VALUES ('x', 'X', gen_random_uuid())`),
    ).rejects.toThrow(/foreign key/);
  });

  it('reverts cleanly', async () => {
    await ds.query('DELETE FROM tasks; DELETE FROM workstreams; DELETE FROM repos; DELETE FROM domains;');
    for (let i = 0; i < ds.migrations.length; i++) await ds.undoLastMigration();
    const tables = await ds.query(
      `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables[0].n).toBe(1); // only TypeORM's own migrations table is left
    await ds.runMigrations();
  });
});
