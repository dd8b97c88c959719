// A task as one notation writes it, before the two notations are merged and the
// status and priority words are resolved.
import type { Pair, YAMLMap } from 'yaml';
import type { ProblemSink } from './workplan-problem';
import { keyText, nodeStart, nodeToJs, scalarText, type YamlRegion } from './yaml-region';

export interface Located {
  value: unknown;
  /** Absolute offset in the file, for line numbers. */
  offset: number;
}

export interface RawTask {
  key: string;
  title: string;
  notation: 'front_matter' | 'section';
  /** Absolute offset of the item or heading. */
  offset: number;
  status?: Located;
  priority?: Located;
  stateHubTaskId?: string;
  extra: Record<string, unknown>;
}

/** The keys of one task mapping, split into the ones the hub models and the rest. */
export interface TaskFields {
  id?: Located;
  title?: Located;
  status?: Located;
  priority?: Located;
  stateHubTaskId?: string;
  extra: Record<string, unknown>;
}

const MODELLED = new Set(['id', 'title', 'status', 'priority', 'state_hub_task_id']);

export function readTaskFields(
  map: YAMLMap,
  region: YamlRegion,
  sink: ProblemSink,
  modelled = MODELLED,
  label = 'task',
): TaskFields {
  const fields: TaskFields = { extra: {} };
  const extra: [string, unknown][] = [];
  for (const pair of map.items) {
    const { key, value, offset } = readPair(pair, region, sink);
    if (!modelled.has(key)) extra.push([key, value]);
    else if (key === 'id') fields.id = { value, offset };
    else if (key === 'title') fields.title = { value, offset };
    else if (key === 'status') fields.status = { value, offset };
    else if (key === 'priority') fields.priority = { value, offset };
    else fields.stateHubTaskId = readTaskId(value, offset, sink, label);
  }
  // fromEntries, not assignment: a key named __proto__ stays a plain key.
  fields.extra = Object.fromEntries(extra);
  return fields;
}

/** One key/value of a mapping as plain JS, with the value's absolute offset. */
export function readPair(pair: Pair, region: YamlRegion, sink: ProblemSink): { key: string } & Located {
  const offset = region.base + (nodeStart(pair.value) ?? nodeStart(pair.key) ?? 0);
  try {
    const key = keyText(pair) ?? String(nodeToJs(pair.key, region.doc));
    return { key, value: nodeToJs(pair.value, region.doc), offset };
  } catch (error) {
    // e.g. an alias whose anchor is defined nowhere
    const reason = error instanceof Error ? error.message : String(error);
    return sink.fail(offset, `invalid YAML: ${reason.split('\n')[0]}`);
  }
}

function readTaskId(value: unknown, offset: number, sink: ProblemSink, label: string): string | undefined {
  const text = scalarText(value);
  // An empty `state_hub_task_id:` simply has no id yet; a list or `true` is a mistake worth a word.
  if (text === undefined && value !== null && value !== '') {
    sink.warn(offset, `${label}: state_hub_task_id is not text; ignored`);
  }
  return text;
}
