import { NotFoundError, UnprocessableError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProgressEventEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { findRepoBySlug, findTaskById, findWorkstreamById } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { StateChangeRunner } from '../database/state-change.runner';
import {
  type CreateProgressEventDto,
  type ListProgressEventsQueryDto,
  ProgressEventView,
} from './dto/progress-event.dto';

@Injectable()
export class ProgressEventsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  /** Records a progress event; its repo/workstream/task references must exist and agree. */
  record(dto: CreateProgressEventDto): Promise<ProgressEventView> {
    return this.changes.run(async ({ manager }) => {
      const repo = dto.repo ? await findRepoBySlug(manager, dto.repo, 'repo', 'body') : undefined;
      const ws = dto.workstream_id
        ? await findWorkstreamById(manager, dto.workstream_id, 'workstream_id', 'body')
        : undefined;
      const task = dto.task_id ? await findTaskById(manager, dto.task_id, 'task_id', 'body') : undefined;
      if (repo && ws && ws.repo_id !== repo.id) {
        throw new UnprocessableError(`workstream ${ws.id} is not in repo '${repo.slug}'`, 'workstream_id');
      }
      if (ws && task && task.workstream_id !== ws.id) {
        throw new UnprocessableError(`task ${task.id} is not in workstream ${ws.id}`, 'task_id');
      }
      const saved = await manager.save(
        manager.create(ProgressEventEntity, {
          event_type: dto.event_type,
          summary: dto.summary,
          detail: dto.detail ?? {},
          repo_id: repo?.id ?? ws?.repo_id ?? null,
          workstream_id: ws?.id ?? task?.workstream_id ?? null,
          task_id: task?.id ?? null,
          actor: dto.actor ?? null,
          occurred_at: dto.occurred_at ? new Date(dto.occurred_at) : new Date(),
        }),
      );
      return ProgressEventView.from(saved);
    });
  }

  async get(id: string): Promise<ProgressEventView> {
    const m = this.db.manager;
    const event = await m.findOneBy(ProgressEventEntity, { id });
    if (!event) throw new NotFoundError(`progress event ${id} not found`, 'id');
    return ProgressEventView.from(event);
  }

  async list(query: ListProgressEventsQueryDto): Promise<Page<ProgressEventView>> {
    const m = this.db.manager;
    const qb = m
      .createQueryBuilder(ProgressEventEntity, 'e')
      .orderBy('e.occurred_at', 'DESC')
      .addOrderBy('e.id', 'ASC')
      .take(query.limit)
      .skip(query.offset);
    if (query.repo) qb.andWhere('e.repo_id = :repoId', { repoId: (await findRepoBySlug(m, query.repo)).id });
    if (query.workstream_id) qb.andWhere('e.workstream_id = :wsId', { wsId: query.workstream_id });
    if (query.event_type) qb.andWhere('e.event_type = :type', { type: query.event_type });
    if (query.since) qb.andWhere('e.occurred_at >= :since', { since: new Date(query.since) });
    if (query.until) qb.andWhere('e.occurred_at < :until', { until: new Date(query.until) });
    const [rows, total] = await qb.getManyAndCount();
    return page(rows.map(ProgressEventView.from), total, query);
  }
}
