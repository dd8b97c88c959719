// Puts repos, workstreams and tasks (with chosen ages) into a migrated database
// for the job's e2e spec, and fingerprints the tables the job may change.
import type { DataSource } from 'typeorm';

const DAY_MS = 24 * 3600_000;
export const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);

export async function seedRepo(ds: DataSource, slug: string): Promise<string> {
  const [domain] = await ds.query(
    `INSERT INTO domains (slug, name) VALUES ('custodian', 'Custodian')
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
  );
  const [repo] = await ds.query(`INSERT INTO repos (slug, name, domain_id) VALUES ($1, $2, $3) RETURNING id`, [
    slug,
    slug,
    domain.id,
  ]);
  return repo.id;
}

export async function seedWorkstream(ds: DataSource, repoId: string, workplanId: string, status: string) {
  const [ws] = await ds.query(
    `INSERT INTO workstreams (repo_id, workplan_id, title, status) VALUES ($1, $2, $3, $4) RETURNING id`,
    [repoId, workplanId, workplanId, status],
  );
  return ws.id as string;
}

export async function seedTask(ds: DataSource, workstreamId: string, taskKey: string, status: string, updatedAt: Date) {
  const [task] = await ds.query(
    `INSERT INTO tasks (workstream_id, task_key, title, status, updated_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [workstreamId, taskKey, taskKey, status, updatedAt],
  );
  return task.id as string;
}

export async function snapshot(ds: DataSource): Promise<string> {
  const rows = await Promise.all(
    ['tasks', 'workstreams', 'event_outbox'].map((table) =>
      ds.query(`SELECT md5(COALESCE(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${table} x`),
    ),
  );
  return rows.map((r) => r[0].h).join('|');
}
