// Brings a workstream's task rows in line with the file's task list. Identity
// (task-matching.ts): the file's `state_hub_task_id` when it names a task of
// this workstream, else the task key. Tasks the file no longer lists are left
// alone (never deleted) unless a renumbered task takes their key: then they are
// parked under another key, with a warning.
// Status follows the same rule as workstreams, through `tasks.file_status`, so
// a task the hub changed (e.g. cancelled by the stale cleanup) is not reopened
// by an unrelated edit of the file. Only rows that really change are saved:
// the stale cleanup reads `updated_at`.
import { TaskEntity, type TaskStatus, type WorkstreamEntity } from '@state-hub/db';
import type { WorkplanTask } from '@state-hub/workplan';
import type { EntityManager } from 'typeorm';
import { asStoredJson, sameJson } from './same-json';
import { matchTasks, parkedKey } from './task-matching';

export interface TaskChanges {
  created: number;
  updated: number;
  /** Task key → row id, for the writeback. */
  taskIds: Record<string, string>;
  /** Rows parked away from a key, named. */
  warnings: string[];
}

/** A key no file writes (it holds the row id): where a row waits while keys are swapped or shifted. */
const TEMPORARY_KEY_SQL = `UPDATE tasks SET task_key = '~moving~' || id::text WHERE id = ANY($1::uuid[])`;

/** Keeps started/completed timestamps true to the status (the API's rule). */
function stampStatus(task: TaskEntity, status: TaskStatus, now: Date): void {
  task.status = status;
  if (status === 'in_progress' && !task.started_at) task.started_at = now;
  if (status === 'todo') task.started_at = null;
  if (status === 'done' || status === 'cancelled') task.completed_at ??= now;
  else task.completed_at = null;
}

/** Applies the file's fields; true when anything changed. */
function applyTask(row: TaskEntity, task: WorkplanTask, isNew: boolean, now: Date): boolean {
  let changed = false;
  const set = <K extends keyof TaskEntity>(key: K, value: TaskEntity[K]) => {
    if (row[key] !== value) {
      row[key] = value;
      changed = true;
    }
  };
  set('task_key', task.key);
  set('title', task.title);
  set('position', task.position);
  // a file without a priority leaves the hub's priority alone (new tasks get `medium`)
  if (task.priority !== undefined) set('priority', task.priority);
  else if (isNew) set('priority', 'medium');
  if (isNew || !sameJson(row.extra, task.extra)) {
    row.extra = asStoredJson(task.extra);
    changed = true;
  }
  if ((isNew || row.file_status !== task.status) && (isNew || row.status !== task.status)) {
    stampStatus(row, task.status, now);
    changed = true;
  }
  set('file_status', task.status);
  return changed;
}

export async function reconcileTasks(
  m: EntityManager,
  ws: WorkstreamEntity,
  tasks: readonly WorkplanTask[],
  isNewWorkstream: boolean,
  now: Date,
  path: string,
): Promise<TaskChanges> {
  const existing = isNewWorkstream ? [] : await m.find(TaskEntity, { where: { workstream_id: ws.id } });
  const match = matchTasks(existing, tasks);
  const result: TaskChanges = { created: 0, updated: 0, taskIds: {}, warnings: [] };
  for (const row of match.parked) {
    const owner = match.rows[tasks.findIndex((t) => t.key === row.task_key)];
    result.warnings.push(
      `${path}: task key ${row.task_key} now belongs to task ${owner?.id} (its state_hub_task_id); ` +
        `task ${row.id}, no longer in the file, is renamed to ${parkedKey(row)}`,
    );
  }
  // keys are unique per workstream: rows whose key changes step aside first, then take their new keys
  const moving = [...match.parked, ...match.rows.filter((row, i) => row && row.task_key !== tasks[i].key)];
  if (moving.length > 0) await m.query(TEMPORARY_KEY_SQL, [moving.map((row) => row?.id)]);
  for (const row of match.parked) {
    row.task_key = parkedKey(row);
    await m.save(TaskEntity, row);
    result.updated++;
  }
  for (const [i, task] of tasks.entries()) {
    const found = match.rows[i];
    const row = found ?? m.create(TaskEntity, { workstream_id: ws.id, started_at: null, completed_at: null });
    if (applyTask(row, task, !found, now)) {
      const saved = await m.save(TaskEntity, row);
      if (found) result.updated++;
      else result.created++;
      result.taskIds[task.key] = saved.id;
    } else {
      result.taskIds[task.key] = row.id;
    }
  }
  return result;
}
