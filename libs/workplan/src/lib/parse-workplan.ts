// One workplan file, text in, a workplan, `not_workplan` or a located error out
// (DESIGN.md §6). Never throws, whatever the text.
import { isMap, type YAMLMap } from 'yaml';
import { splitFrontMatter } from './front-matter';
import { readFrontMatterTasks } from './front-matter-tasks';
import { mergeTasks } from './merge-tasks';
import { readPair, type Located } from './raw-task';
import { readSectionTasks } from './section-tasks';
import { outlineBody, type BodyOutline } from './task-sections';
import { LineIndex } from './text-lines';
import type { ParseResult, Workplan, WorkplanProblem, WorkplanStatus } from './types';
import { WORKPLAN_STATUSES } from './types';
import { resolveWorkplanStatus } from './vocabulary';
import { oneLine, show, WorkplanFileError, type ProblemSink } from './workplan-problem';
import { findPair, parseRegion, scalarText, type YamlRegion } from './yaml-region';

export const MAX_WORKPLAN_BYTES = 1024 * 1024;

/** Front-matter keys the hub models; every other key is kept in `extra`. */
const MODELLED_KEYS = new Set([
  'id',
  'type',
  'title',
  'domain',
  'repo',
  'status',
  'owner',
  'state_hub_workstream_id',
  'tasks',
]);
const OPTIONAL_FIELDS = {
  domain: 'domain',
  repo: 'repo',
  owner: 'owner',
  state_hub_workstream_id: 'stateHubWorkstreamId',
};
const ID_PATTERN = /^\S{1,64}$/;

/** Parses one workplan file. Never throws: a broken file is `{ kind: 'error' }` with path and reason. */
export function parseWorkplan(text: string, path: string): ParseResult {
  try {
    return parse(text, path);
  } catch (error) {
    if (error instanceof WorkplanFileError) return { kind: 'error', problem: error.problem };
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: 'error', problem: { path, reason: `could not be read: ${oneLine(reason)}` } };
  }
}

function parse(text: string, path: string): ParseResult {
  if (typeof text !== 'string') return { kind: 'error', problem: { path, reason: 'the file content is not text' } };
  if (Buffer.byteLength(text, 'utf8') > MAX_WORKPLAN_BYTES) {
    return { kind: 'error', problem: { path, reason: `file is larger than ${MAX_WORKPLAN_BYTES / 1024} KiB` } };
  }
  const lines = new LineIndex(text);
  const warnings: WorkplanProblem[] = [];
  const sink = problemSink(path, lines, warnings);
  const split = splitFrontMatter(text, lines);
  if (split.kind === 'none') return { kind: 'not_workplan', reason: 'no front matter' };
  if (split.kind === 'unclosed') return sink.fail(0, 'the front matter opened on line 1 is never closed by a --- line');
  const region = parseRegion(text, split.contentStart, split.contentEnd);
  const error = region.doc.errors[0];
  if (error) sink.fail(region.base + error.pos[0], `front matter is not valid YAML: ${oneLine(error.message)}`);
  const root = region.doc.contents;
  if (!isMap(root)) return sink.fail(split.contentStart, 'front matter must be a mapping (id, type, title, status, …)');
  const header = readHeader(root, region, sink);
  const type = header.get('type')?.value;
  if (type !== undefined && type !== null && !(typeof type === 'string' && type.trim().toLowerCase() === 'workplan')) {
    return { kind: 'not_workplan', reason: `front matter type is ${show(type)}, not workplan` };
  }
  for (const warning of region.doc.warnings) {
    sink.warn(region.base + warning.pos[0], `front matter: ${oneLine(warning.message)}`);
  }
  const workplan = readWorkplan({ text, path, lines, sink, region, root, header, bodyStart: split.bodyStart });
  warnings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { kind: 'workplan', workplan: { ...workplan, warnings } };
}

interface Source {
  text: string;
  path: string;
  lines: LineIndex;
  sink: ProblemSink;
  region: YamlRegion;
  root: YAMLMap;
  header: Map<string, Located>;
  bodyStart: number;
}

// The file is meant as a workplan: read every part, failing on what makes it unusable.
function readWorkplan(source: Source): Omit<Workplan, 'warnings'> {
  const { text, path, sink, header } = source;
  const id = readId(header.get('id'), sink);
  const status = readStatus(header.get('status'), sink);
  const outline = outlineBody(text, source.bodyStart, source.lines);
  const title = readTitle(header.get('title'), outline, id, sink);
  const tasksPair = findPair(source.root, 'tasks');
  const frontMatterTasks = tasksPair ? readFrontMatterTasks(tasksPair, source.region, sink) : [];
  const frontMatterKeys = new Set(frontMatterTasks.map((task) => task.key));
  const sectionTasks = readSectionTasks(text, outline.sections, frontMatterKeys, sink);
  const tasks = mergeTasks(frontMatterTasks, sectionTasks, sink);
  const optional = Object.entries(OPTIONAL_FIELDS).flatMap(([key, field]) => {
    const value = optionalText(header.get(key), key, sink);
    return value === undefined ? [] : [[field, value]];
  });
  const extra = Object.fromEntries(
    [...header].filter(([key]) => !MODELLED_KEYS.has(key)).map(([key, entry]) => [key, entry.value]),
  );
  return { path, id, title, status, ...Object.fromEntries(optional), extra, tasks };
}

function problemSink(path: string, lines: LineIndex, warnings: WorkplanProblem[]): ProblemSink {
  const at = (offset: number | undefined) => (offset === undefined ? {} : { line: lines.lineOf(offset) });
  return {
    path,
    lineOf: (offset) => lines.lineOf(offset),
    warn: (offset, reason) => void warnings.push({ path, ...at(offset), reason }),
    fail: (offset, reason) => {
      throw new WorkplanFileError({ path, ...at(offset), reason });
    },
  };
}

function readHeader(root: YAMLMap, region: YamlRegion, sink: ProblemSink): Map<string, Located> {
  const header = new Map<string, Located>();
  for (const pair of root.items) {
    const { key, ...located } = readPair(pair, region, sink);
    header.set(key, located);
  }
  return header;
}

function readId(entry: Located | undefined, sink: ProblemSink): string {
  if (entry === undefined || entry.value === null || entry.value === '') {
    return sink.fail(entry?.offset ?? 0, 'front matter has no id (e.g. id: STATE-WP-0064)');
  }
  if (typeof entry.value !== 'string') return sink.fail(entry.offset, `id must be text, got ${show(entry.value)}`);
  if (!ID_PATTERN.test(entry.value)) {
    return sink.fail(entry.offset, `id ${show(entry.value)} must be 1 to 64 characters without spaces`);
  }
  return entry.value;
}

function readStatus(entry: Located | undefined, sink: ProblemSink): WorkplanStatus {
  if (entry === undefined || entry.value === null) {
    sink.warn(entry?.offset ?? 0, 'front matter has no status; read as draft');
    return 'draft';
  }
  const status = resolveWorkplanStatus(entry.value);
  if (status === undefined) {
    const expected = WORKPLAN_STATUSES.join(', ');
    return sink.fail(entry.offset, `unknown workplan status ${show(entry.value)} (expected one of ${expected})`);
  }
  return status;
}

function readTitle(entry: Located | undefined, outline: BodyOutline, id: string, sink: ProblemSink): string {
  const title = scalarText(entry?.value)?.trim();
  if (title) return title;
  const offset = entry?.offset ?? 0;
  if (outline.firstTitle !== undefined) {
    sink.warn(offset, 'front matter has no title; using the first # heading');
    return outline.firstTitle;
  }
  sink.warn(offset, 'front matter has no title and the file no # heading; using the id');
  return id;
}

function optionalText(entry: Located | undefined, key: string, sink: ProblemSink): string | undefined {
  if (entry === undefined || entry.value === null || entry.value === '') return undefined;
  const text = scalarText(entry.value);
  if (text === undefined) sink.warn(entry.offset, `${key} is not text; ignored`);
  return text;
}
