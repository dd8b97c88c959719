// Which status changes the API allows. The consistency sweep is not bound by
// these (workplan files are the source of truth); API callers are.
import type { TaskStatus, WorkstreamStatus } from './domain-types';

const WORKSTREAM_TRANSITIONS: Record<WorkstreamStatus, readonly WorkstreamStatus[]> = {
  draft: ['active', 'blocked', 'archived'],
  active: ['blocked', 'completed', 'archived'],
  blocked: ['active', 'archived'],
  completed: ['active', 'archived'],
  archived: ['active'],
};

const TASK_TRANSITIONS: Record<TaskStatus, readonly TaskStatus[]> = {
  todo: ['in_progress', 'blocked', 'done', 'cancelled'],
  in_progress: ['todo', 'blocked', 'done', 'cancelled'],
  blocked: ['todo', 'in_progress', 'done', 'cancelled'],
  done: ['in_progress', 'todo'],
  cancelled: ['todo'],
};

export function allowedWorkstreamTransitions(from: WorkstreamStatus): readonly WorkstreamStatus[] {
  return WORKSTREAM_TRANSITIONS[from];
}

export function allowedTaskTransitions(from: TaskStatus): readonly TaskStatus[] {
  return TASK_TRANSITIONS[from];
}

/** A status change is legal when it is a listed move; staying put is always fine. */
export function isWorkstreamTransitionAllowed(from: WorkstreamStatus, to: WorkstreamStatus): boolean {
  return from === to || WORKSTREAM_TRANSITIONS[from].includes(to);
}

export function isTaskTransitionAllowed(from: TaskStatus, to: TaskStatus): boolean {
  return from === to || TASK_TRANSITIONS[from].includes(to);
}
