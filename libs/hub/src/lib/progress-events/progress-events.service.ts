import { NotFoundError, UnprocessableError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ProgressEventEntity } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { findRepoBySlug, notFound } from '../common/lookup/lookups';
import { queryRows } from '../database/plain-sql';
import { page, type Page } from '../common/pagination/page';
import {
  type CreateProgressEventDto,
  type ListProgressEventsQueryDto,
  ProgressEventView,
} from './dto/progress-event.dto';

/** What an event's references resolve to; null where not given or not found. */
interface References {
  repo_id: string | null;
  workstream_id: string | null;
  workstream_repo_id: string | null;
  task_id: string | null;
  task_workstream_id: string | null;
}
const NO_REFERENCES: References = {
  repo_id: null,
  workstream_id: null,
  workstream_repo_id: null,
  task_id: null,
  task_workstream_id: null,
};

// The task's workstream stands in for one not given, so an event of a task also knows its workstream and repo.
const REFERENCES = `SELECT (SELECT id FROM repos WHERE slug = $1) AS repo_id,
  w.id AS workstream_id, w.repo_id AS workstream_repo_id, t.id AS task_id, t.workstream_id AS task_workstream_id
  FROM (VALUES (1)) AS one LEFT JOIN tasks t ON t.id = $3 LEFT JOIN workstreams w ON w.id = COALESCE($2, t.workstream_id)`;

const INSERT_EVENT = `INSERT INTO progress_events (event_type, summary, detail, repo_id, workstream_id, task_id, actor,
  occurred_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, created_at`;

@Injectable()
export class ProgressEventsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Records a progress event; its repo/workstream/task references must exist and agree. The references are
   * looked up in one statement and the event is one INSERT: a single statement is its own transaction, and a
   * progress event emits no lifecycle event, so it needs no StateChangeRunner. A reference removed in between
   * fails the INSERT on its foreign key (422, as when it was never there).
   */
  async record(dto: CreateProgressEventDto): Promise<ProgressEventView> {
    const refs = await this.references(dto);
    const event = {
      event_type: dto.event_type,
      summary: dto.summary,
      detail: dto.detail ?? {},
      repo_id: refs.repo_id ?? refs.workstream_repo_id,
      workstream_id: refs.workstream_id,
      task_id: refs.task_id,
      actor: dto.actor ?? null,
      occurred_at: dto.occurred_at ? new Date(dto.occurred_at) : new Date(),
    };
    const [saved] = await queryRows<{ id: string; created_at: Date }>(this.db, INSERT_EVENT, [
      event.event_type,
      event.summary,
      JSON.stringify(event.detail),
      event.repo_id,
      event.workstream_id,
      event.task_id,
      event.actor,
      event.occurred_at,
    ]);
    return { id: saved.id, ...event, created_at: saved.created_at };
  }

  /**
   * The ids an event refers to, each checked: it exists, and the task is in the workstream in the repo. A task
   * without a workstream brings its own (and that one's repo).
   */
  private async references(dto: CreateProgressEventDto): Promise<References> {
    if (!dto.repo && !dto.workstream_id && !dto.task_id) return NO_REFERENCES;
    const [refs] = await queryRows<References>(this.db, REFERENCES, [
      dto.repo ?? null,
      dto.workstream_id ?? null,
      dto.task_id ?? null,
    ]);
    if (dto.repo && !refs.repo_id) throw notFound(`repo '${dto.repo}'`, 'repo', 'body');
    if (dto.workstream_id && !refs.workstream_id) {
      throw notFound(`workstream ${dto.workstream_id}`, 'workstream_id', 'body');
    }
    if (dto.task_id && !refs.task_id) throw notFound(`task ${dto.task_id}`, 'task_id', 'body');
    if (refs.repo_id && refs.workstream_id && refs.workstream_repo_id !== refs.repo_id) {
      throw dto.workstream_id
        ? new UnprocessableError(`workstream ${refs.workstream_id} is not in repo '${dto.repo}'`, 'workstream_id')
        : new UnprocessableError(`task ${refs.task_id} is not in repo '${dto.repo}'`, 'task_id');
    }
    if (refs.workstream_id && refs.task_id && refs.task_workstream_id !== refs.workstream_id) {
      throw new UnprocessableError(`task ${refs.task_id} is not in workstream ${refs.workstream_id}`, 'task_id');
    }
    return refs;
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
