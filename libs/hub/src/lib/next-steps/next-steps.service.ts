// "What should I do next": open, unblocked tasks of active workstreams in
// active repos, highest priority first, then oldest first.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { findDomainBySlug, findRepoBySlug } from '../common/lookup/lookups';
import { queryRows, whereAll } from '../database/plain-sql';
import type { NextStepsQueryDto, NextStepsView, NextStepView } from './dto/next-step.dto';

@Injectable()
export class NextStepsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(query: NextStepsQueryDto): Promise<NextStepsView> {
    const m = this.db.manager;
    const domainId = query.domain ? (await findDomainBySlug(m, query.domain)).id : undefined;
    const repoId = query.repo ? (await findRepoBySlug(m, query.repo)).id : undefined;
    const params: unknown[] = [];
    const where = whereAll(params, [
      // a literal list, so the planner can use the partial index ix_tasks_next_steps
      "t.status IN ('todo', 'in_progress')",
      "w.status = 'active'",
      "r.status = 'active'",
      domainId !== undefined && ['(w.domain_id = ? OR (w.domain_id IS NULL AND r.domain_id = ?))', domainId],
      repoId !== undefined && ['r.id = ?', repoId],
    ]);
    // The domain is joined twice rather than on COALESCE(w.domain_id, r.domain_id): the planner cannot estimate a
    // join on an expression, and at 100,000 tasks it then read and sorted every open task (57 ms) instead of
    // walking the index for the first page (0.4 ms).
    const items = await queryRows<NextStepView>(
      this.db,
      `SELECT t.id AS task_id, t.task_key, t.title, t.status, t.priority, t.created_at,
         w.id AS workstream_id, w.workplan_id, w.title AS workstream_title, r.slug AS repo,
         COALESCE(wd.slug, rd.slug) AS domain
       FROM tasks t
       INNER JOIN workstreams w ON w.id = t.workstream_id
       INNER JOIN repos r ON r.id = w.repo_id
       LEFT JOIN domains wd ON wd.id = w.domain_id
       INNER JOIN domains rd ON rd.id = r.domain_id
       ${where}
       ORDER BY t.priority ASC, t.created_at ASC, t.position ASC, t.id ASC
       LIMIT $${params.length + 1}`,
      [...params, query.limit],
    );
    return { items };
  }
}
