// Seeds repos, workstreams and tasks straight into a migrated database, with
// the timestamps a stale-cleanup test needs, and reads back what it changed.
import type { WorkstreamStatus } from '@state-hub/db';
import type { DataSource } from 'typeorm';
import type { OpenTaskStatus } from '../lib/types';

export const DAY_MS = 24 * 3600_000;

export const daysAgo = (days: number, from = new Date()) => new Date(from.getTime() - days * DAY_MS);

export interface TaskRow {
  id: string;
  task_key: string;
  status: string;
  updated_at: Date;
  stale_flagged_at: Date | null;
  completed_at: Date | null;
}

export class StaleFixture {
  constructor(private readonly ds: DataSource) {}

  async reset(): Promise<void> {
    await this.ds.query('TRUNCATE event_outbox, tasks, workstreams, repos, domains CASCADE');
  }

  /** A repo (and its domain), returning the repo id. */
  async repo(slug: string): Promise<string> {
    const [domain] = await this.ds.query(
      `INSERT INTO domains (slug, name) VALUES ('custodian', 'Custodian')
       ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    );
    const [repo] = await this.ds.query(`INSERT INTO repos (slug, name, domain_id) VALUES ($1, $2, $3) RETURNING id`, [
      slug,
      slug,
      domain.id,
    ]);
    return repo.id;
  }

  async workstream(repoId: string, workplanId: string, status: WorkstreamStatus): Promise<string> {
    const [ws] = await this.ds.query(
      `INSERT INTO workstreams (repo_id, workplan_id, title, status) VALUES ($1, $2, $3, $4) RETURNING id`,
      [repoId, workplanId, workplanId, status],
    );
    return ws.id;
  }

  async task(
    workstreamId: string,
    taskKey: string,
    options: { status?: OpenTaskStatus | 'done' | 'cancelled'; updatedAt?: Date; staleFlaggedAt?: Date } = {},
  ): Promise<string> {
    const [task] = await this.ds.query(
      `INSERT INTO tasks (workstream_id, task_key, title, status, updated_at, stale_flagged_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        workstreamId,
        taskKey,
        taskKey,
        options.status ?? 'todo',
        options.updatedAt ?? new Date(),
        options.staleFlaggedAt ?? null,
      ],
    );
    return task.id;
  }

  /** Sets `updated_at` as an edit through the API would. */
  async touch(taskId: string, at: Date): Promise<void> {
    await this.ds.query(`UPDATE tasks SET updated_at = $2 WHERE id = $1`, [taskId, at]);
  }

  async taskRow(taskId: string): Promise<TaskRow> {
    const [row] = await this.ds.query(
      `SELECT id, task_key, status, updated_at, stale_flagged_at, completed_at FROM tasks WHERE id = $1`,
      [taskId],
    );
    return row;
  }

  /** Every envelope in the outbox, oldest first. */
  async outbox(): Promise<{ id: string; type: string; attributes: Record<string, unknown> }[]> {
    const rows: { envelope: { id: string; type: string; attributes: Record<string, unknown> } }[] = await this.ds.query(
      `SELECT envelope FROM event_outbox ORDER BY created_at, id`,
    );
    return rows.map((r) => r.envelope);
  }

  /** A fingerprint of the tables the cleanup may touch, to show that nothing changed. */
  async snapshot(): Promise<string> {
    const rows = await Promise.all(
      ['tasks', 'workstreams', 'event_outbox'].map((table) =>
        this.ds.query(`SELECT md5(COALESCE(string_agg(x::text, ',' ORDER BY x::text), '')) AS h FROM ${table} x`),
      ),
    );
    return rows.map((r) => r[0].h).join('|');
  }
}
