import { ConflictError, NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DecisionEntity } from '@state-hub/db';
import { SUBJECTS } from '@state-hub/subjects';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { findDomainBySlug, findRepoBySlug, findWorkstreamById } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { StateChangeRunner } from '../database/state-change.runner';
import {
  type CreateDecisionDto,
  DecisionView,
  type ListDecisionsQueryDto,
  type ResolveDecisionDto,
} from './dto/decision.dto';

@Injectable()
export class DecisionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  create(dto: CreateDecisionDto): Promise<DecisionView> {
    return this.changes.run(async ({ manager }) => {
      const domain = await findDomainBySlug(manager, dto.domain, 'domain', 'body');
      const repo = dto.repo ? await findRepoBySlug(manager, dto.repo, 'repo', 'body') : undefined;
      const ws = dto.workstream_id
        ? await findWorkstreamById(manager, dto.workstream_id, 'workstream_id', 'body')
        : undefined;
      const saved = await manager.save(
        manager.create(DecisionEntity, {
          domain_id: domain.id,
          repo_id: repo?.id ?? ws?.repo_id ?? null,
          workstream_id: ws?.id ?? null,
          title: dto.title,
          context: dto.context ?? null,
        }),
      );
      return DecisionView.from({ ...saved, domain });
    });
  }

  /** Resolves an open decision, once; resolving again is a 409. */
  resolve(id: string, dto: ResolveDecisionDto): Promise<DecisionView> {
    return this.changes.run(async ({ manager, emit }) => {
      const decision = await manager.findOne(DecisionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!decision) throw new NotFoundError(`decision ${id} not found`, 'id');
      if (decision.status === 'resolved') {
        throw new ConflictError(
          `decision ${id} was already resolved by ${decision.resolved_by} at ${decision.resolved_at?.toISOString()}`,
          'status',
        );
      }
      Object.assign(decision, {
        status: 'resolved',
        resolution: dto.resolution,
        resolved_by: dto.resolved_by,
        resolved_at: new Date(),
      });
      await manager.save(decision);
      const view = await this.view(manager, id);
      await emit(SUBJECTS.decisionResolved, {
        decision_id: view.id,
        title: view.title,
        domain: view.domain,
        resolution: dto.resolution,
        resolved_by: dto.resolved_by,
      });
      return view;
    });
  }

  get(id: string): Promise<DecisionView> {
    return this.view(this.db.manager, id);
  }

  async list(query: ListDecisionsQueryDto): Promise<Page<DecisionView>> {
    const m = this.db.manager;
    const where: FindOptionsWhere<DecisionEntity> = {};
    if (query.status) where.status = query.status;
    if (query.domain) where.domain_id = (await findDomainBySlug(m, query.domain)).id;
    if (query.repo) where.repo_id = (await findRepoBySlug(m, query.repo)).id;
    if (query.workstream_id) {
      where.workstream_id = (await findWorkstreamById(m, query.workstream_id, 'workstream_id')).id;
    }
    const [rows, total] = await m.findAndCount(DecisionEntity, {
      where,
      relations: { domain: true },
      order: { created_at: 'DESC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows.map(DecisionView.from), total, query);
  }

  private async view(manager: EntityManager, id: string): Promise<DecisionView> {
    const decision = await manager.findOne(DecisionEntity, { where: { id }, relations: { domain: true } });
    if (!decision) throw new NotFoundError(`decision ${id} not found`, 'id');
    return DecisionView.from(decision);
  }
}
