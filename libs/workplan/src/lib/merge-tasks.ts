// Turns the tasks of both notations into the workplan's task list: one task per
// key (a key in both notations is merged, the section's values winning),
// statuses and priorities resolved, unusable tasks skipped with a warning.
import type { WorkplanTask } from './types';
import type { Located, RawTask } from './raw-task';
import { resolvePriority, resolveTaskStatus } from './vocabulary';
import { show, type ProblemSink } from './workplan-problem';
import { WORKPLAN_TASK_PRIORITIES, WORKPLAN_TASK_STATUSES } from './types';

export function mergeTasks(frontMatter: RawTask[], sections: RawTask[], sink: ProblemSink): WorkplanTask[] {
  const merged = new Map<string, { task: RawTask; notation: WorkplanTask['notation'] }>();
  for (const task of uniqueKeys(frontMatter, sink)) merged.set(task.key, { task, notation: 'front_matter' });
  for (const task of uniqueKeys(sections, sink)) {
    const earlier = merged.get(task.key);
    merged.set(
      task.key,
      earlier ? { task: overlay(earlier.task, task), notation: 'both' } : { task, notation: 'section' },
    );
  }
  const tasks: WorkplanTask[] = [];
  for (const { task, notation } of merged.values()) {
    const resolved = resolve(task, notation, tasks.length, sink);
    if (resolved) tasks.push(resolved);
  }
  return tasks;
}

function uniqueKeys(tasks: RawTask[], sink: ProblemSink): RawTask[] {
  const seen = new Map<string, RawTask>();
  for (const task of tasks) {
    const first = seen.get(task.key);
    if (first) {
      sink.fail(task.offset, `duplicate task key ${task.key} (first on line ${sink.lineOf(first.offset)})`);
    }
    seen.set(task.key, task);
  }
  return tasks;
}

// The section is what people edit next to the prose: its values win, the front matter fills gaps.
function overlay(frontMatter: RawTask, section: RawTask): RawTask {
  return {
    ...section,
    offset: frontMatter.offset,
    status: given(section.status) ?? frontMatter.status,
    priority: given(section.priority) ?? frontMatter.priority,
    stateHubTaskId: section.stateHubTaskId ?? frontMatter.stateHubTaskId,
    extra: { ...frontMatter.extra, ...section.extra },
  };
}

function given(value: Located | undefined): Located | undefined {
  return value && value.value !== null ? value : undefined;
}

function resolve(
  task: RawTask,
  notation: WorkplanTask['notation'],
  position: number,
  sink: ProblemSink,
): WorkplanTask | undefined {
  let status = resolveTaskStatus(task.status?.value);
  if (task.status === undefined || task.status.value === null) {
    sink.warn(task.offset, `task ${task.key} has no status; read as todo`);
    status = 'todo';
  } else if (status === undefined) {
    sink.warn(
      task.status.offset,
      `task ${task.key}: unknown status ${show(task.status.value)} (expected one of ${WORKPLAN_TASK_STATUSES.join(', ')}); task skipped`,
    );
    return undefined;
  }
  const priority = resolvePriority(task.priority?.value);
  if (task.priority && task.priority.value !== null && priority === undefined) {
    sink.warn(
      task.priority.offset,
      `task ${task.key}: unknown priority ${show(task.priority.value)} (expected one of ${WORKPLAN_TASK_PRIORITIES.join(', ')}); ignored`,
    );
  }
  return {
    key: task.key,
    title: task.title,
    status,
    ...(priority ? { priority } : {}),
    ...(task.stateHubTaskId !== undefined ? { stateHubTaskId: task.stateHubTaskId } : {}),
    notation,
    position,
    extra: task.extra,
  };
}
