// Which existing task row each task of a file is. Two passes, so renumbered or
// swapped tasks keep their rows: first every row named by a task's
// `state_hub_task_id` (a row of this workstream) is reserved for that task,
// even when its key changed; then the other tasks take unreserved rows by key;
// the rest are new. A row the file no longer lists keeps its key, unless a task
// matched by id now has that key: then it is parked under another key (keys
// are unique per workstream).

export interface TaskRowRef {
  id: string;
  task_key: string;
}

export interface FileTaskRef {
  key: string;
  stateHubTaskId?: string;
}

export interface TaskMatch<R extends TaskRowRef> {
  /** Per file task, in the file's order: its row, or undefined when it is new. */
  rows: (R | undefined)[];
  /** Rows the file does not list that hold a key a matched task takes: each moves to `parkedKey(row)`. */
  parked: R[];
}

/** Where a parked row's key goes: unique (it holds the row id) and within the column's 100 characters. */
export const parkedKey = (row: TaskRowRef): string => `${row.task_key.slice(0, 63)}~${row.id}`;

export function matchTasks<R extends TaskRowRef>(existing: readonly R[], tasks: readonly FileTaskRef[]): TaskMatch<R> {
  const byId = new Map(existing.map((row) => [row.id, row]));
  const taken = new Set<string>();
  const rows: (R | undefined)[] = tasks.map(() => undefined);
  // pass 1: ids (a copied id names its row once: the first task wins)
  tasks.forEach((task, i) => {
    const row = task.stateHubTaskId ? byId.get(task.stateHubTaskId.toLowerCase()) : undefined;
    if (row && !taken.has(row.id)) {
      rows[i] = row;
      taken.add(row.id);
    }
  });
  // pass 2: keys, among the rows no id reserved
  const freeByKey = new Map(existing.filter((row) => !taken.has(row.id)).map((row) => [row.task_key, row]));
  tasks.forEach((task, i) => {
    const row = rows[i] ? undefined : freeByKey.get(task.key);
    if (row) {
      rows[i] = row;
      taken.add(row.id);
    }
  });
  const fileKeys = new Set(tasks.map((task) => task.key));
  const parked = existing.filter((row) => !taken.has(row.id) && fileKeys.has(row.task_key));
  return { rows, parked };
}
