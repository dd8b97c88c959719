import { ConflictError, InvalidTransitionError, NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  allowedWorkstreamTransitions,
  isWorkstreamTransitionAllowed,
  WorkstreamEntity,
  type WorkstreamStatus,
} from '@state-hub/db';
import { SUBJECTS } from '@state-hub/subjects';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import { findDomainBySlug, findRepoBySlug } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { queryRows } from '../database/plain-sql';
import { StateChangeRunner } from '../database/state-change.runner';
import { TASK_COLUMNS, TASK_ORDER, TaskView } from '../tasks/dto/task.dto';
import {
  type CreateWorkstreamDto,
  type ListWorkstreamsQueryDto,
  type UpdateWorkstreamDto,
  WorkstreamDetailView,
  WorkstreamView,
} from './dto/workstream.dto';

@Injectable()
export class WorkstreamsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  create(dto: CreateWorkstreamDto): Promise<WorkstreamView> {
    return this.changes.run(async ({ manager }) => {
      const repo = await findRepoBySlug(manager, dto.repo, 'repo', 'body');
      const domain = dto.domain ? await findDomainBySlug(manager, dto.domain, 'domain', 'body') : undefined;
      if (await manager.existsBy(WorkstreamEntity, { repo_id: repo.id, workplan_id: dto.workplan_id })) {
        throw new ConflictError(`workstream ${dto.workplan_id} already exists in repo '${repo.slug}'`, 'workplan_id');
      }
      const status = dto.status ?? 'draft';
      const saved = await manager.save(
        manager.create(WorkstreamEntity, {
          repo_id: repo.id,
          workplan_id: dto.workplan_id,
          title: dto.title,
          status,
          domain_id: domain?.id ?? null,
          owner: dto.owner ?? null,
          source_path: dto.source_path ?? null,
          extra: dto.extra ?? {},
          completed_at: status === 'completed' ? new Date() : null,
        }),
      );
      return this.view(manager, saved.id);
    });
  }

  /** Changes fields and, when asked, the status — only along the lifecycle's legal moves. */
  update(id: string, dto: UpdateWorkstreamDto): Promise<WorkstreamView> {
    return this.changes.run(async ({ manager, emit }) => {
      const ws = await manager.findOne(WorkstreamEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!ws) throw new NotFoundError(`workstream ${id} not found`, 'id');
      let previous: WorkstreamStatus | undefined;
      if (dto.status !== undefined && dto.status !== ws.status) {
        if (!isWorkstreamTransitionAllowed(ws.status, dto.status)) {
          throw new InvalidTransitionError(
            'workstream',
            ws.status,
            dto.status,
            allowedWorkstreamTransitions(ws.status),
          );
        }
        previous = ws.status;
        // completed_at records when it was completed: kept when archived, cleared when reopened
        if (dto.status === 'completed') ws.completed_at = new Date();
        else if (dto.status !== 'archived') ws.completed_at = null;
        ws.status = dto.status;
      }
      if (dto.title !== undefined) ws.title = dto.title;
      if (dto.owner !== undefined) ws.owner = dto.owner;
      await manager.save(ws);
      const view = await this.view(manager, id);
      if (previous !== undefined && previous !== 'completed' && ws.status === 'completed') {
        await emit(SUBJECTS.workstreamCompleted, {
          workstream_id: ws.id,
          workplan_id: ws.workplan_id,
          repo_slug: view.repo,
          title: ws.title,
          previous_status: previous,
          via: 'api',
        });
      }
      return view;
    });
  }

  async get(id: string): Promise<WorkstreamDetailView> {
    // Both at once, on two pooled connections: the tasks of an unknown id are simply none.
    const [view, tasks] = await Promise.all([
      this.view(this.db.manager, id),
      queryRows<TaskView>(this.db, `SELECT ${TASK_COLUMNS} FROM tasks t WHERE t.workstream_id = $1 ${TASK_ORDER}`, [
        id,
      ]),
    ]);
    return { ...view, tasks };
  }

  async list(query: ListWorkstreamsQueryDto): Promise<Page<WorkstreamView>> {
    const m = this.db.manager;
    const qb = m
      .createQueryBuilder(WorkstreamEntity, 'w')
      .leftJoinAndSelect('w.repo', 'repo')
      .leftJoinAndSelect('repo.domain', 'repo_domain')
      .leftJoinAndSelect('w.domain', 'domain')
      .orderBy('w.workplan_id', 'ASC')
      .addOrderBy('w.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.repo) qb.andWhere('w.repo_id = :repoId', { repoId: (await findRepoBySlug(m, query.repo)).id });
    if (query.status) qb.andWhere('w.status = :status', { status: query.status });
    if (query.workplan_id) qb.andWhere('w.workplan_id = :wp', { wp: query.workplan_id });
    if (query.domain) {
      const domainId = (await findDomainBySlug(m, query.domain)).id;
      qb.andWhere(
        new Brackets((b) =>
          b
            .where('w.domain_id = :domainId', { domainId })
            .orWhere('(w.domain_id IS NULL AND repo.domain_id = :domainId)'),
        ),
      );
    }
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(WorkstreamView.from), total, query);
  }

  private async view(db: EntityManager, id: string): Promise<WorkstreamView> {
    const [ws] = await queryRows<WorkstreamView>(
      db,
      `SELECT w.id, w.workplan_id, w.title, w.status, w.repo_id, COALESCE(r.slug, '') AS repo,
         COALESCE(wd.slug, rd.slug, '') AS domain, w.owner, w.source_path, w.extra, w.completed_at, w.created_at,
         w.updated_at
       FROM workstreams w
       LEFT JOIN repos r ON r.id = w.repo_id
       LEFT JOIN domains rd ON rd.id = r.domain_id
       LEFT JOIN domains wd ON wd.id = w.domain_id
       WHERE w.id = $1`,
      [id],
    );
    if (!ws) throw new NotFoundError(`workstream ${id} not found`, 'id');
    return ws;
  }
}
