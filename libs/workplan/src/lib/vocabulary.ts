// The words workplan authors use for statuses and priorities, mapped onto the
// hub's vocabulary (`progress` → `in_progress`, `p0` → `critical` …).
import {
  WORKPLAN_STATUSES,
  WORKPLAN_TASK_PRIORITIES,
  WORKPLAN_TASK_STATUSES,
  type WorkplanStatus,
  type WorkplanTaskPriority,
  type WorkplanTaskStatus,
} from './types';

const TASK_STATUS_ALIASES: Readonly<Record<string, WorkplanTaskStatus>> = {
  todo: 'todo',
  open: 'todo',
  pending: 'todo',
  in_progress: 'in_progress',
  progress: 'in_progress',
  doing: 'in_progress',
  started: 'in_progress',
  blocked: 'blocked',
  done: 'done',
  complete: 'done',
  completed: 'done',
  cancelled: 'cancelled',
  canceled: 'cancelled',
  dropped: 'cancelled',
  wontfix: 'cancelled',
  wont_fix: 'cancelled',
};

const WORKPLAN_STATUS_ALIASES: Readonly<Record<string, WorkplanStatus>> = {
  draft: 'draft',
  active: 'active',
  in_progress: 'active',
  progress: 'active',
  blocked: 'blocked',
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  archived: 'archived',
};

const PRIORITY_ALIASES: Readonly<Record<string, WorkplanTaskPriority>> = {
  critical: 'critical',
  high: 'high',
  medium: 'medium',
  low: 'low',
  p0: 'critical',
  p1: 'high',
  p2: 'medium',
  p3: 'low',
};

// `In Progress`, `in-progress` and `IN_PROGRESS` are the same word.
function normalise(value: unknown): string | undefined {
  return typeof value === 'string'
    ? value
        .trim()
        .toLowerCase()
        .replace(/[\s-]+/g, '_')
    : undefined;
}

function lookup<T>(table: Readonly<Record<string, T>>, value: unknown): T | undefined {
  const word = normalise(value);
  return word !== undefined && Object.prototype.hasOwnProperty.call(table, word) ? table[word] : undefined;
}

/** A task status as written → the hub's status; undefined when the word is unknown. */
export function resolveTaskStatus(value: unknown): WorkplanTaskStatus | undefined {
  return lookup(TASK_STATUS_ALIASES, value);
}

/** A workplan status as written → the hub's status; undefined when the word is unknown. */
export function resolveWorkplanStatus(value: unknown): WorkplanStatus | undefined {
  return lookup(WORKPLAN_STATUS_ALIASES, value);
}

/** A priority as written (`high`, `P1`) → the hub's priority; undefined when unknown. */
export function resolvePriority(value: unknown): WorkplanTaskPriority | undefined {
  return lookup(PRIORITY_ALIASES, value);
}

export function isTaskStatus(value: unknown): value is WorkplanTaskStatus {
  return (WORKPLAN_TASK_STATUSES as readonly unknown[]).includes(value);
}

export function isWorkplanStatus(value: unknown): value is WorkplanStatus {
  return (WORKPLAN_STATUSES as readonly unknown[]).includes(value);
}

export function isTaskPriority(value: unknown): value is WorkplanTaskPriority {
  return (WORKPLAN_TASK_PRIORITIES as readonly unknown[]).includes(value);
}
