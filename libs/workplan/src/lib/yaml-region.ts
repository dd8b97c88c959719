// Parses one YAML region of a workplan (the front matter or a task's ```yaml
// block) with the options both the reader and the writer rely on: YAML 1.2 core
// schema (dates stay strings), unique keys, no console output.
import { isNode, isScalar, parseDocument, type Document, type Pair, type YAMLMap } from 'yaml';

export interface YamlRegion {
  doc: Document.Parsed;
  /** Offset of the region in the whole file; node ranges are relative to it. */
  base: number;
}

export function parseRegion(text: string, start: number, end: number): YamlRegion {
  const doc = parseDocument(text.slice(start, end), {
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    logLevel: 'silent',
  });
  return { doc, base: start };
}

/** A node as plain JS; aliases are bounded so a hostile file cannot blow up memory. */
export function nodeToJs(node: unknown, doc: Document): unknown {
  if (node === null || node === undefined) return null;
  return isNode(node) ? node.toJS(doc, { maxAliasCount: 100 }) : node;
}

/** The text of a scalar key (`id`, `status` …); undefined for collection keys. */
export function keyText(pair: Pair): string | undefined {
  return isScalar(pair.key) ? String(pair.key.value) : undefined;
}

export function findPair(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((pair) => keyText(pair) === key);
}

/** Offset (relative to the region) where a node starts; undefined when the parser gave none. */
export function nodeStart(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] | null } | null | undefined)?.range;
  return range?.[0];
}

/**
 * An id-like scalar as text: strings as written, numbers as their decimal form
 * (`id: 12`); anything else (lists, maps, booleans, null, "") gives undefined.
 */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}
