// The one edit that gives a YAML mapping `key: id`: replace the value in place
// (same quote style), or add one line at the indentation of the mapping's keys
// (block), or `, key: "id"` before the closing brace (flow). Nothing else moves.
import { isScalar, type Pair, type YAMLMap } from 'yaml';
import { formatId, type IdStyle } from './id-scalar';
import { lineBreakBefore } from './text-lines';
import { findPair, nodeStart, scalarText, type YamlRegion } from './yaml-region';

export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Among edits at the same offset, lower goes first (a task's line before the front matter's last line). */
  order: number;
}

export type SetOutcome = { kind: 'unchanged' } | { kind: 'added' | 'changed'; edit: TextEdit };

export interface SetTarget {
  text: string;
  region: YamlRegion;
  /** Null for an empty region (an empty yaml block). */
  map: YAMLMap | null;
  /** Where a new line goes for a whole region (front matter, yaml block): just before its closing line. */
  appendAt?: number;
  order: number;
}

export function setMapValue(target: SetTarget, key: string, id: string, style: IdStyle): SetOutcome {
  const { map } = target;
  const pair = map ? findPair(map, key) : undefined;
  if (pair) return replaceValue(target, pair, id, style);
  if (map?.flow) return { kind: 'added', edit: insertIntoFlow(target, map, key, id) };
  return { kind: 'added', edit: insertLine(target, key, id, style) };
}

function replaceValue(target: SetTarget, pair: Pair, id: string, fallback: IdStyle): SetOutcome {
  const node = pair.value;
  if (isScalar(node) && scalarText(node.value) === id) return { kind: 'unchanged' };
  const range = (node as { range?: [number, number, number] } | null)?.range;
  if (!range) return { kind: 'unchanged' };
  const { text, region } = target;
  let start = region.base + range[0];
  let end = region.base + range[1];
  while (end > start && (text[end - 1] === '\n' || text[end - 1] === '\r')) end -= 1;
  const style = isScalar(node) ? styleOf(node.type, node.value, fallback) : fallback;
  let written = formatId(id, style, Boolean(target.map?.flow));
  if (start === end) {
    // `key:` with nothing (or only a comment) after it: the id goes right after the colon.
    const keyEnd = (pair.key as { range?: [number, number, number] } | null)?.range?.[1];
    const colon = keyEnd === undefined ? -1 : text.indexOf(':', region.base + keyEnd);
    if (colon !== -1 && colon < start) start = end = colon + 1;
    written = ` ${written}`;
  }
  const edit = { start, end, text: written, order: target.order };
  const hadNone = isScalar(node) && (node.value === null || node.value === '');
  return { kind: hadNone ? 'added' : 'changed', edit };
}

function styleOf(type: string | undefined, value: unknown, fallback: IdStyle): IdStyle {
  if (type === 'QUOTE_SINGLE') return 'single';
  if (type === 'QUOTE_DOUBLE') return 'double';
  return type === 'PLAIN' && value !== null ? 'plain' : fallback;
}

function insertLine(target: SetTarget, key: string, id: string, style: IdStyle): TextEdit {
  const { text, region, map } = target;
  const firstKey = map && map.items.length > 0 ? nodeStart(map.items[0].key) : undefined;
  const indent = firstKey === undefined ? '' : ' '.repeat(columnOf(text, region.base + firstKey));
  let at = target.appendAt ?? region.base + (map?.range?.[1] ?? 0);
  if (at > 0 && text[at - 1] !== '\n') {
    const newline = text.indexOf('\n', at);
    at = newline === -1 ? text.length : newline + 1;
  }
  const lead = at > 0 && text[at - 1] !== '\n' ? lineBreakOf(text) : '';
  const line = `${indent}${key}: ${formatId(id, style, false)}`;
  return { start: at, end: at, text: lead + line + (lead ? '' : lineBreakBefore(text, at)), order: target.order };
}

function insertIntoFlow(target: SetTarget, map: YAMLMap, key: string, id: string): TextEdit {
  const { text, region } = target;
  const open = region.base + (map.range?.[0] ?? 0);
  const close = text.lastIndexOf('}', region.base + (map.range?.[1] ?? 0) - 1);
  let before = close - 1;
  while (before > open && /\s/.test(text[before])) before -= 1;
  const entry = `${key}: ${formatId(id, 'double', true)}`;
  const glue = text[before] === '{' ? '' : text[before] === ',' ? ' ' : ', ';
  return { start: before + 1, end: before + 1, text: glue + entry, order: target.order };
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

function lineBreakOf(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
