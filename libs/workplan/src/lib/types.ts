// The workplan format of DESIGN.md §6, as the consistency sweep sees it.
// CONTRACT: other libs code against these types; change them only together.

export const WORKPLAN_STATUSES = ['draft', 'active', 'blocked', 'completed', 'archived'] as const;
export type WorkplanStatus = (typeof WORKPLAN_STATUSES)[number];

/** Task statuses after aliases are resolved (`progress` → `in_progress`). */
export const WORKPLAN_TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done', 'cancelled'] as const;
export type WorkplanTaskStatus = (typeof WORKPLAN_TASK_STATUSES)[number];

export const WORKPLAN_TASK_PRIORITIES = ['critical', 'high', 'medium', 'low'] as const;
export type WorkplanTaskPriority = (typeof WORKPLAN_TASK_PRIORITIES)[number];

/** Something wrong with a file: where (path, 1-based line when known) and why. */
export interface WorkplanProblem {
  path: string;
  line?: number;
  reason: string;
}

export interface WorkplanTask {
  /** Task key as written, e.g. `STATE-WP-0064-T01`. Unique within its workplan. */
  key: string;
  title: string;
  status: WorkplanTaskStatus;
  /** Undefined when the file gives none. */
  priority?: WorkplanTaskPriority;
  /** `state_hub_task_id` when the file carries one. */
  stateHubTaskId?: string;
  /** Where the task is written; a task may appear in both notations (merged, section wins). */
  notation: 'front_matter' | 'section' | 'both';
  /** Order in the file, from 0. */
  position: number;
  /** Keys of the task the hub does not model, kept verbatim. */
  extra: Record<string, unknown>;
}

export interface Workplan {
  path: string;
  /** Front-matter `id`, e.g. `STATE-WP-0064`. */
  id: string;
  title: string;
  status: WorkplanStatus;
  domain?: string;
  repo?: string;
  owner?: string;
  stateHubWorkstreamId?: string;
  /** Front-matter keys the hub does not model (everything but id/type/title/domain/repo/status/owner/state_hub_workstream_id/tasks), verbatim. */
  extra: Record<string, unknown>;
  tasks: WorkplanTask[];
  /** Non-fatal problems: the file is usable, these parts were not (e.g. a task with an unknown status is skipped). */
  warnings: WorkplanProblem[];
}

export type ParseResult =
  | { kind: 'workplan'; workplan: Workplan }
  /** Not a workplan at all (no front matter, or `type` other than `workplan`): ignored by the sweep. */
  | { kind: 'not_workplan'; reason: string }
  /** Meant as a workplan but unusable: the sweep keeps the last good state and shows this. */
  | { kind: 'error'; problem: WorkplanProblem };

/** Ids the hub assigned, to be written into a file (C-15). */
export interface WritebackIds {
  workstreamId?: string;
  /** Task key → `state_hub_task_id`. */
  taskIds?: Record<string, string>;
}

export interface WritebackResult {
  /** The new file text; identical to the input when nothing needed to change. */
  text: string;
  changed: boolean;
  /** One line per id written or corrected, e.g. `T1: state_hub_task_id added (section)`. */
  edits: string[];
  /** Keys of `taskIds` that no task in the file has: nothing was written for them. */
  unmatched?: string[];
}
