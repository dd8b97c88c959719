// A workplan that parsed but cannot be reconciled (a duplicate id, a value too
// long for its column): the file is marked `error` and the DB keeps its last
// good state, exactly as for a file that does not parse.
import type { Workplan } from '@state-hub/workplan';

export class FileProblem extends Error {
  override readonly name = 'FileProblem';
  constructor(
    readonly path: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${path}${line ? `:${line}` : ''}: ${reason}`);
  }
}

/** Widths of the columns (and the event's title) a file's values land in. */
const LIMITS = { workplanId: 64, title: 500, owner: 200, taskKey: 100, taskTitle: 500 } as const;

/** Rejects values the database or the event schema would refuse, naming the field. */
export function checkLimits(path: string, wp: Workplan): void {
  const tooLong = (field: string, value: string | undefined, max: number) => {
    if (value !== undefined && value.length > max) {
      throw new FileProblem(path, `${field} is ${value.length} characters long; at most ${max} are allowed`);
    }
  };
  tooLong('id', wp.id, LIMITS.workplanId);
  tooLong('title', wp.title, LIMITS.title);
  tooLong('owner', wp.owner, LIMITS.owner);
  for (const task of wp.tasks) {
    tooLong(`task ${task.key.slice(0, 40)}: id`, task.key, LIMITS.taskKey);
    tooLong(`task ${task.key.slice(0, 40)}: title`, task.title, LIMITS.taskTitle);
  }
}
