// Reads a definition file as YAML, keeping the node tree so any field path can
// be turned back into a line and column for error messages.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { FieldPath } from './field-path';

export interface Position {
  line: number;
  column: number;
}

export type Locate = (path: FieldPath, at?: 'key' | 'value') => Position;

export type YamlRead =
  | { ok: true; value: unknown; locate: Locate; warnings: { message: string; position: Position }[] }
  | { ok: false; errors: { message: string; position: Position }[] };

export function readYaml(text: string): YamlRead {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ message: e.message, position: position(e.pos[0]) })) };
  }
  const warnings = doc.warnings.map((w) => ({ message: w.message, position: position(w.pos[0]) }));
  return {
    ok: true,
    value: doc.toJS({ maxAliasCount: 100 }),
    locate: (path, at = 'value') => position(locateOffset(doc, path, at)),
    warnings,
  };
}

// The value node at `path`, or when the path does not exist (a missing field),
// the key of the deepest part that does.
function locateOffset(doc: Document, path: FieldPath, at: 'key' | 'value'): number {
  let node: unknown = doc.contents;
  let keyNode: Node | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      if (!pair) return offsetOf(keyNode) ?? offsetOf(node) ?? 0;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node) && Number.isInteger(Number(segment)) && node.items[Number(segment)] !== undefined) {
      node = node.items[Number(segment)];
      keyNode = undefined;
    } else {
      return offsetOf(keyNode) ?? offsetOf(node) ?? 0;
    }
  }
  if (at === 'key' && keyNode) return offsetOf(keyNode) ?? 0;
  return offsetOf(node) ?? offsetOf(keyNode) ?? 0;
}

function offsetOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
  return range?.[0];
}
