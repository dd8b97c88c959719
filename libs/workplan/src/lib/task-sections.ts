// Outlines the markdown body: task sections (`## T1 — Title` and the first
// fenced ```yaml block before the next heading of level ≤ 2) and the first
// `# ` heading. Fenced code is skipped, so a `## ` inside a code block is text.
import { LineIndex } from './text-lines';

export interface FencedBlock {
  /** Offset of the opening fence line. */
  openOffset: number;
  /** The YAML is [contentStart, contentEnd); contentEnd is where the closing fence line starts. */
  contentStart: number;
  contentEnd: number;
  /** False when the file ends before the closing fence. */
  closed: boolean;
}

export interface TaskSection {
  /** As written in the heading: `T1`, `T01`, `T1a`, `T2.1`. */
  label: string;
  title: string;
  headingOffset: number;
  block?: FencedBlock;
}

export interface BodyOutline {
  sections: TaskSection[];
  /** Text of the first level-1 heading, if any. */
  firstTitle?: string;
}

const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
// T1, T01, T1a, T2.1 — then an em dash, en dash, hyphen or colon, then the title.
const TASK_HEADING = /^(T\d+[a-z]?(?:\.\d+[a-z]?)*)[ \t]*(?:—|–|-|:)[ \t]*(.*)$/i;

interface OpenFence {
  marker: string;
  openOffset: number;
  contentStart: number;
  /** The section this fence is the yaml block of, if it is. */
  owner?: TaskSection;
}

export function outlineBody(text: string, bodyStart: number, lines = new LineIndex(text)): BodyOutline {
  const outline: BodyOutline = { sections: [] };
  let current: TaskSection | undefined;
  let fence: OpenFence | undefined;
  for (const line of lines.linesFrom(bodyStart)) {
    if (fence) {
      if (closesFence(line.content, fence.marker)) {
        if (fence.owner) fence.owner.block = blockOf(fence, line.start, true);
        fence = undefined;
      }
      continue;
    }
    const opening = FENCE.exec(line.content);
    if (opening && !(opening[1][0] === '`' && opening[2].includes('`'))) {
      const owner = current && !current.block && isYamlInfo(opening[2]) ? current : undefined;
      fence = { marker: opening[1], openOffset: line.start, contentStart: line.next, owner };
      continue;
    }
    const heading = HEADING.exec(line.content);
    if (!heading) continue;
    const level = heading[1].length;
    const headingText = (heading[2] ?? '').replace(CLOSING_HASHES, '').trim();
    if (level <= 2) current = undefined;
    if (level === 1 && outline.firstTitle === undefined && headingText !== '') outline.firstTitle = headingText;
    const task = level === 2 ? TASK_HEADING.exec(headingText) : null;
    if (task) {
      current = { label: task[1], title: task[2].trim() || task[1], headingOffset: line.start };
      outline.sections.push(current);
    }
  }
  if (fence?.owner) fence.owner.block = blockOf(fence, text.length, false);
  return outline;
}

function closesFence(content: string, marker: string): boolean {
  const trimmed = content.replace(/^ {0,3}/, '').replace(/[ \t]+$/, '');
  return trimmed.length >= marker.length && trimmed === marker[0].repeat(trimmed.length);
}

function isYamlInfo(info: string): boolean {
  const word = info.trim().split(/\s+/)[0]?.toLowerCase();
  return word === 'yaml' || word === 'yml';
}

function blockOf(fence: OpenFence, contentEnd: number, closed: boolean): FencedBlock {
  return { openOffset: fence.openOffset, contentStart: fence.contentStart, contentEnd, closed };
}
