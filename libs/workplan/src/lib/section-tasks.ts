// Tasks written as `## T1 — Title` sections with a fenced yaml block.
import { isMap } from 'yaml';
import { readTaskFields, type RawTask, type TaskFields } from './raw-task';
import type { TaskSection } from './task-sections';
import { oneLine, type ProblemSink } from './workplan-problem';
import { parseRegion, scalarText } from './yaml-region';

// In a block, `title` is not modelled: the heading gives the title, a `title:` key is kept as extra.
const SECTION_MODELLED = new Set(['id', 'status', 'priority', 'state_hub_task_id']);

/** Reads every section that has a yaml block; `frontMatterKeys` quiets the warning for headings without one. */
export function readSectionTasks(
  text: string,
  sections: TaskSection[],
  frontMatterKeys: ReadonlySet<string>,
  sink: ProblemSink,
): RawTask[] {
  const tasks: RawTask[] = [];
  for (const section of sections) {
    if (section.block) tasks.push(readSection(text, section, section.block, sink));
    else if (!frontMatterKeys.has(section.label)) {
      sink.warn(section.headingOffset, `heading ${section.label} has no \`\`\`yaml block; not read as a task`);
    }
  }
  return tasks;
}

function readSection(
  text: string,
  section: TaskSection,
  block: NonNullable<TaskSection['block']>,
  sink: ProblemSink,
): RawTask {
  const where = `the yaml block of ${section.label} (line ${sink.lineOf(block.openOffset)})`;
  if (!block.closed) sink.fail(block.openOffset, `${where} is never closed`);
  const region = parseRegion(text, block.contentStart, block.contentEnd);
  const error = region.doc.errors[0];
  if (error) sink.fail(region.base + error.pos[0], `${where} is not valid YAML: ${oneLine(error.message)}`);
  for (const warning of region.doc.warnings)
    sink.warn(region.base + warning.pos[0], `${where}: ${oneLine(warning.message)}`);
  const root = region.doc.contents;
  if (root !== null && !isMap(root))
    sink.fail(block.openOffset, `${where} must be a mapping (id, status, priority, …)`);
  const fields: TaskFields = root ? readTaskFields(root, region, sink, SECTION_MODELLED, section.label) : { extra: {} };
  let key = scalarText(fields.id?.value);
  if (fields.id && key === undefined && fields.id.value !== null && fields.id.value !== '') {
    sink.fail(fields.id.offset, `${where}: id must be text`);
  }
  if (key === undefined) {
    sink.warn(block.openOffset, `${where} has no id; the task key is the heading label ${section.label}`);
    key = section.label;
  }
  return {
    key,
    title: section.title,
    notation: 'section',
    offset: section.headingOffset,
    status: fields.status,
    priority: fields.priority,
    stateHubTaskId: fields.stateHubTaskId,
    extra: fields.extra,
  };
}
