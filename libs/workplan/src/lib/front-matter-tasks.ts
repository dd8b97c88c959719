// Tasks written as a `tasks:` list in the front matter.
import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import { readTaskFields, type RawTask } from './raw-task';
import type { ProblemSink } from './workplan-problem';
import { nodeStart, scalarText, type YamlRegion } from './yaml-region';

export function readFrontMatterTasks(tasks: Pair, region: YamlRegion, sink: ProblemSink): RawTask[] {
  const list = tasks.value;
  const listOffset = region.base + (nodeStart(list) ?? nodeStart(tasks.key) ?? 0);
  // `tasks:` with nothing after it: no tasks yet.
  if (list === null || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list)) sink.fail(listOffset, '`tasks` must be a list of tasks ({id, title, status, …})');
  return list.items.map((item, index) => {
    const offset = region.base + (nodeStart(item) ?? nodeStart(list) ?? 0);
    if (!isMap(item)) sink.fail(offset, `tasks[${index}] must be a mapping with id, title and status`);
    const fields = readTaskFields(item, region, sink, undefined, `tasks[${index}]`);
    const key = scalarText(fields.id?.value);
    if (key === undefined)
      sink.fail(offset, `tasks[${index}] has no id (a task in the front matter needs id and title)`);
    const title = typeof fields.title?.value === 'string' ? fields.title.value.trim() : '';
    if (title === '')
      sink.fail(offset, `tasks[${index}] (${key}) has no title (a task in the front matter needs id and title)`);
    return {
      key,
      title,
      notation: 'front_matter' as const,
      offset,
      status: fields.status,
      priority: fields.priority,
      stateHubTaskId: fields.stateHubTaskId,
      extra: fields.extra,
    };
  });
}
