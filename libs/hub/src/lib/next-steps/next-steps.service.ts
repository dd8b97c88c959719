// "What should I do next": open, unblocked tasks of active workstreams in
// active repos, highest priority first, then oldest first.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { TaskEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { findDomainBySlug, findRepoBySlug } from '../common/lookup/lookups';
import type { NextStepsQueryDto, NextStepsView, NextStepView } from './dto/next-step.dto';

@Injectable()
export class NextStepsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async find(query: NextStepsQueryDto): Promise<NextStepsView> {
    const m = this.db.manager;
    const qb = m
      .createQueryBuilder(TaskEntity, 't')
      .innerJoin('t.workstream', 'w')
      .innerJoin('w.repo', 'r')
      // A workplan's own domain wins over its repo's.
      .innerJoin('domains', 'd', 'd.id = COALESCE(w.domain_id, r.domain_id)')
      .select([
        't.id AS task_id',
        't.task_key AS task_key',
        't.title AS title',
        't.status AS status',
        't.priority AS priority',
        't.created_at AS created_at',
        'w.id AS workstream_id',
        'w.workplan_id AS workplan_id',
        'w.title AS workstream_title',
        'r.slug AS repo',
        'd.slug AS domain',
      ])
      .where("t.status IN ('todo', 'in_progress')")
      .andWhere("w.status = 'active'")
      .andWhere("r.status = 'active'")
      // priority is an enum declared highest-first, so ASC ranks critical first
      .orderBy('t.priority', 'ASC')
      .addOrderBy('t.created_at', 'ASC')
      .addOrderBy('t.position', 'ASC')
      .addOrderBy('t.id', 'ASC') // a stable order for ties
      .limit(query.limit);
    if (query.domain) qb.andWhere('d.id = :domainId', { domainId: (await findDomainBySlug(m, query.domain)).id });
    if (query.repo) qb.andWhere('r.id = :repoId', { repoId: (await findRepoBySlug(m, query.repo)).id });
    return { items: await qb.getRawMany<NextStepView>() };
  }
}
