import { ConflictError, InvalidTransitionError, NotFoundError } from '@state-hub/nest-http';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { allowedTaskTransitions, isTaskTransitionAllowed, TaskEntity, type TaskStatus } from '@state-hub/db';
import { DataSource } from 'typeorm';
import { findRepoBySlug, findTaskById, findWorkstreamById } from '../common/lookup/lookups';
import { page, type Page } from '../common/pagination/page';
import { queryRows, whereAll } from '../database/plain-sql';
import { StateChangeRunner } from '../database/state-change.runner';
import { type CreateTaskDto, type ListTasksQueryDto, TASK_COLUMNS, TaskView, type UpdateTaskDto } from './dto/task.dto';

/** Keeps the started/completed timestamps true to the status. */
function stampStatus(task: TaskEntity, status: TaskStatus, now = new Date()): void {
  task.status = status;
  if (status === 'in_progress' && !task.started_at) task.started_at = now;
  if (status === 'todo') task.started_at = null;
  task.completed_at = status === 'done' || status === 'cancelled' ? now : null;
}

@Injectable()
export class TasksService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly changes: StateChangeRunner,
  ) {}

  create(dto: CreateTaskDto): Promise<TaskView> {
    return this.changes.run(async ({ manager }) => {
      const ws = await findWorkstreamById(manager, dto.workstream_id, 'workstream_id', 'body');
      if (await manager.existsBy(TaskEntity, { workstream_id: ws.id, task_key: dto.task_key })) {
        throw new ConflictError(`task ${dto.task_key} already exists in workstream ${ws.workplan_id}`, 'task_key');
      }
      const task = manager.create(TaskEntity, {
        workstream_id: ws.id,
        task_key: dto.task_key,
        title: dto.title,
        priority: dto.priority ?? 'medium',
        position: dto.position ?? (await manager.countBy(TaskEntity, { workstream_id: ws.id })),
        extra: dto.extra ?? {},
        started_at: null,
      });
      stampStatus(task, dto.status ?? 'todo');
      return TaskView.from(await manager.save(task));
    });
  }

  /** Moves a task (status) or edits it; an illegal status move is a 409. */
  update(id: string, dto: UpdateTaskDto): Promise<TaskView> {
    return this.changes.run(async ({ manager }) => {
      const task = await manager.findOne(TaskEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!task) throw new NotFoundError(`task ${id} not found`, 'id');
      if (dto.status !== undefined && dto.status !== task.status) {
        if (!isTaskTransitionAllowed(task.status, dto.status)) {
          throw new InvalidTransitionError('task', task.status, dto.status, allowedTaskTransitions(task.status));
        }
        stampStatus(task, dto.status);
      }
      if (dto.priority !== undefined) task.priority = dto.priority;
      if (dto.title !== undefined) task.title = dto.title;
      return TaskView.from(await manager.save(task));
    });
  }

  async get(id: string): Promise<TaskView> {
    return TaskView.from(await findTaskById(this.db.manager, id));
  }

  async list(query: ListTasksQueryDto): Promise<Page<TaskView>> {
    const m = this.db.manager;
    if (query.workstream_id) await findWorkstreamById(m, query.workstream_id, 'workstream_id');
    const repoId = query.repo ? (await findRepoBySlug(m, query.repo)).id : undefined;
    const params: unknown[] = [];
    const from =
      (repoId === undefined ? 'FROM tasks t ' : 'FROM tasks t INNER JOIN workstreams w ON w.id = t.workstream_id ') +
      whereAll(params, [
        query.workstream_id !== undefined && ['t.workstream_id = ?', query.workstream_id],
        repoId !== undefined && ['w.repo_id = ?', repoId],
        query.status !== undefined && ['t.status = ?', query.status],
        query.priority !== undefined && ['t.priority = ?', query.priority],
      ]);
    // the page and the count at once, on two pooled connections
    const [rows, [{ n }]] = await Promise.all([
      queryRows<TaskView>(
        this.db,
        `SELECT ${TASK_COLUMNS} ${from} ORDER BY t.workstream_id ASC, t.position ASC, t.task_key ASC
         LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, query.limit, query.offset],
      ),
      queryRows<{ n: string }>(this.db, `SELECT count(*) AS n ${from}`, params),
    ]);
    return page(rows, Number(n), query);
  }
}
