// C-15: puts the ids the hub assigned into a workplan file. Only the id lines
// change or appear; every other byte (comments, quoting, order, blank lines,
// line endings, a missing final newline) stays as it was.
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { splitFrontMatter } from './front-matter';
import { assertId } from './id-scalar';
import { setMapValue, type SetOutcome, type TextEdit } from './map-edits';
import { outlineBody, type TaskSection } from './task-sections';
import { LineIndex } from './text-lines';
import type { WritebackIds, WritebackResult } from './types';
import { findPair, nodeToJs, parseRegion, scalarText, type YamlRegion } from './yaml-region';

interface Planned {
  edit: TextEdit;
  note: string;
}

/** Puts the hub's ids into the file with the smallest edit: only id lines are added or changed. */
export function writeBackIds(text: string, ids: WritebackIds): WritebackResult {
  if (ids.workstreamId !== undefined) assertId(ids.workstreamId, 'workstreamId');
  const wanted = new Map(Object.entries(ids.taskIds ?? {}));
  for (const [key, id] of wanted) assertId(id, `taskIds[${JSON.stringify(key)}]`);
  const lines = new LineIndex(text);
  const split = splitFrontMatter(text, lines);
  if (split.kind !== 'found') throw new Error('writeBackIds: the text has no front matter, so it is not a workplan');
  const region = parseRegion(text, split.contentStart, split.contentEnd);
  const root = region.doc.contents;
  if (region.doc.errors.length > 0 || (root !== null && !isMap(root))) {
    throw new Error('writeBackIds: the front matter is not a valid YAML mapping; parse the file first');
  }
  const planned: Planned[] = [];
  const found = new Set<string>();
  if (ids.workstreamId !== undefined) {
    const target = { text, region, map: root, appendAt: split.contentEnd, order: 1 };
    note(planned, setMapValue(target, 'state_hub_workstream_id', ids.workstreamId, 'plain'), 'state_hub_workstream_id');
  }
  if (wanted.size > 0) {
    planFrontMatterTasks(text, region, root, wanted, found, planned);
    const sections = outlineBody(text, split.bodyStart, lines).sections;
    for (const section of sections) planSection(text, section, wanted, found, planned);
  }
  const output = apply(text, planned);
  return {
    text: output,
    changed: output !== text,
    edits: planned.map((p) => p.note),
    unmatched: [...wanted.keys()].filter((key) => !found.has(key)),
  };
}

function note(planned: Planned[], outcome: SetOutcome, what: string, where = ''): void {
  if (outcome.kind !== 'unchanged') planned.push({ edit: outcome.edit, note: `${what} ${outcome.kind}${where}` });
}

function planFrontMatterTasks(
  text: string,
  region: YamlRegion,
  root: YAMLMap | null,
  wanted: Map<string, string>,
  found: Set<string>,
  planned: Planned[],
): void {
  const list = root ? findPair(root, 'tasks')?.value : undefined;
  if (!isSeq(list)) return;
  for (const item of list.items) {
    if (!isMap(item)) continue;
    const key = scalarText(safeJs(findPair(item, 'id')?.value, region));
    const id = key === undefined ? undefined : wanted.get(key);
    if (key === undefined || id === undefined) continue;
    found.add(key);
    const outcome = setMapValue({ text, region, map: item, order: 0 }, 'state_hub_task_id', id, 'double');
    note(planned, outcome, `${key}: state_hub_task_id`, ' (front matter)');
  }
}

function planSection(
  text: string,
  section: TaskSection,
  wanted: Map<string, string>,
  found: Set<string>,
  planned: Planned[],
): void {
  const block = section.block;
  if (!block?.closed) return;
  const region = parseRegion(text, block.contentStart, block.contentEnd);
  const root = region.doc.contents;
  if (region.doc.errors.length > 0 || (root !== null && !isMap(root))) return;
  const key = (root && scalarText(safeJs(findPair(root, 'id')?.value, region))) ?? section.label;
  const id = wanted.get(key);
  if (id === undefined) return;
  found.add(key);
  const target = { text, region, map: root, appendAt: block.contentEnd, order: 0 };
  note(planned, setMapValue(target, 'state_hub_task_id', id, 'double'), `${key}: state_hub_task_id`, ' (section)');
}

function safeJs(node: unknown, region: YamlRegion): unknown {
  try {
    return nodeToJs(node, region.doc);
  } catch {
    return undefined;
  }
}

function apply(text: string, planned: Planned[]): string {
  const edits = planned.map((p) => p.edit).sort((a, b) => a.start - b.start || a.order - b.order);
  let output = '';
  let cursor = 0;
  for (const edit of edits) {
    output += text.slice(cursor, edit.start) + edit.text;
    cursor = edit.end;
  }
  return output + text.slice(cursor);
}
