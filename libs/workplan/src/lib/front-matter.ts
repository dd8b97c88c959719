// Finds the YAML front matter of a markdown file: a first line `---` (after an
// optional UTF-8 BOM) up to the next `---` or `...` line. Offsets only, so the
// writer can edit the original text in place.
import { LineIndex } from './text-lines';

export interface FrontMatterRegion {
  /** Offset of the first byte of the YAML (the line after the opening `---`). */
  contentStart: number;
  /** Offset where the closing line starts; the YAML is [contentStart, contentEnd). */
  contentEnd: number;
  /** Offset right after the closing line (where the markdown body starts). */
  bodyStart: number;
}

export type FrontMatterSplit = { kind: 'none' } | { kind: 'unclosed' } | ({ kind: 'found' } & FrontMatterRegion);

const OPENER = /^---[ \t]*$/;
const CLOSER = /^(?:---|\.\.\.)[ \t]*$/;

export function splitFrontMatter(text: string, lines = new LineIndex(text)): FrontMatterSplit {
  const start = text.startsWith('\uFEFF') ? 1 : 0;
  const all = lines.linesFrom(start);
  const first = all.next();
  if (first.done || !OPENER.test(first.value.content)) return { kind: 'none' };
  for (const line of all) {
    if (CLOSER.test(line.content)) {
      return { kind: 'found', contentStart: first.value.next, contentEnd: line.start, bodyStart: line.next };
    }
  }
  return { kind: 'unclosed' };
}
