import { ConflictError, NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DomainGoalEntity, type GoalStatus } from '@state-hub/db';
import { SUBJECTS } from '@state-hub/subjects';
import { DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { findDomainBySlug } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { StateChangeRunner } from '../database/state-change.runner';
import { type CreateDomainGoalDto, DomainGoalView, type ListDomainGoalsQueryDto } from './dto/domain-goal.dto';

/** Goals that may be (re-)activated. */
const ACTIVATABLE: readonly GoalStatus[] = ['proposed', 'abandoned'];

@Injectable()
export class DomainGoalsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  create(dto: CreateDomainGoalDto): Promise<DomainGoalView> {
    return this.changes.run(async ({ manager }) => {
      const domain = await findDomainBySlug(manager, dto.domain, 'domain', 'body');
      const saved = await manager.save(
        manager.create(DomainGoalEntity, {
          domain_id: domain.id,
          title: dto.title,
          description: dto.description ?? null,
        }),
      );
      return DomainGoalView.from({ ...saved, domain });
    });
  }

  /** proposed/abandoned → active; an active or achieved goal answers 409. */
  activate(id: string): Promise<DomainGoalView> {
    return this.changes.run(async ({ manager, emit }) => {
      const goal = await manager.findOne(DomainGoalEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!goal) throw new NotFoundError(`domain goal ${id} not found`, 'id');
      if (!ACTIVATABLE.includes(goal.status)) {
        throw new ConflictError(
          goal.status === 'active'
            ? `domain goal ${id} is already active`
            : `domain goal ${id} is ${goal.status} and cannot be activated`,
          'status',
        );
      }
      const previous = goal.status as 'proposed' | 'abandoned';
      goal.status = 'active';
      goal.activated_at = new Date();
      await manager.save(goal);
      const view = await this.view(manager, id);
      await emit(SUBJECTS.domainGoalActivated, {
        goal_id: view.id,
        domain: view.domain,
        title: view.title,
        previous_status: previous,
      });
      return view;
    });
  }

  get(id: string): Promise<DomainGoalView> {
    return this.view(this.db.manager, id);
  }

  async list(query: ListDomainGoalsQueryDto): Promise<Page<DomainGoalView>> {
    const where: FindOptionsWhere<DomainGoalEntity> = {};
    if (query.status) where.status = query.status;
    if (query.domain) where.domain_id = (await findDomainBySlug(this.db.manager, query.domain)).id;
    const [rows, total] = await this.db.manager.findAndCount(DomainGoalEntity, {
      where,
      relations: { domain: true },
      order: { created_at: 'ASC', id: 'ASC' },
      take: query.limit,
      skip: query.offset,
    });
    return page(rows.map(DomainGoalView.from), total, query);
  }

  private async view(manager: EntityManager, id: string): Promise<DomainGoalView> {
    const goal = await manager.findOne(DomainGoalEntity, { where: { id }, relations: { domain: true } });
    if (!goal) throw new NotFoundError(`domain goal ${id} not found`, 'id');
    return DomainGoalView.from(goal);
  }
}
