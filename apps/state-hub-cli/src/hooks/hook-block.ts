// The State Hub's part of a repo's post-commit hook, and the text edits that
// put it in or take it out without touching anything else in the file.

export const BEGIN_MARKER = '# statehub-sync-hook begin';
export const END_MARKER = '# statehub-sync-hook end';
const SHEBANG = '#!/bin/sh';

/** Interpreters whose hooks may get our sh block appended. */
const SHELL_SHEBANG = /^#!\s*\S*\/(?:env\s+)?(sh|bash|dash|ash|ksh|zsh)(\s|$)/;

/** `text` as one sh word inside single quotes (a quote in it becomes '\'' ). */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * The block: report HEAD and its branch to the hub in the background with a 3 s limit,
 * token read from the environment at commit time (never stored here), and nothing
 * that can block or fail the commit — no curl, no branch, hub down: all silently skipped.
 * A hooks folder may be shared by several repos (core.hooksPath), so the block first
 * checks that the commit happened in `topLevel`, the work tree it was installed for.
 */
export function hookBlock(slug: string, hubUrl: string, topLevel: string): string {
  const url = `${hubUrl}/repos/${slug}/commits`;
  return [
    BEGIN_MARKER,
    `# Reports each commit of '${slug}' to the State Hub, which then syncs its workplans.`,
    '# Only commits in the work tree named below count: a shared hooks folder (core.hooksPath) runs this for other repos too.',
    '# Runs in the background with a 3 s limit, so it never blocks or fails a commit.',
    '# The token comes from STATE_HUB_API_TOKEN when you commit; it is not stored here.',
    '# Managed by `npm run hub -- hooks install|uninstall`: edits inside the markers are overwritten.',
    '(',
    `  [ "$(git rev-parse --show-toplevel 2>/dev/null)" = ${shellQuote(topLevel)} ] || exit 0`,
    '  command -v curl >/dev/null 2>&1 || exit 0',
    '  sha=$(git rev-parse HEAD 2>/dev/null) || exit 0',
    '  ref=$(git symbolic-ref -q HEAD 2>/dev/null) || exit 0',
    '  case "$ref" in *[!A-Za-z0-9._/-]*) exit 0 ;; esac',
    // the header goes through stdin (-H @-) so the token never shows in the process list
    '  auth=""; [ -n "${STATE_HUB_API_TOKEN:-}" ] && auth="authorization: Bearer $STATE_HUB_API_TOKEN"',
    `  printf '%s\\n' "$auth" |`,
    "    curl -s --max-time 3 -o /dev/null -X POST -H 'content-type: application/json' -H @- \\",
    '      --data "{\\"ref\\":\\"$ref\\",\\"sha\\":\\"$sha\\"}" ' + `'${url}' || true`,
    ') </dev/null >/dev/null 2>&1 &',
    END_MARKER,
    '',
  ].join('\n');
}

export type InstallAction = 'created' | 'added' | 'updated' | 'unchanged';

interface Span {
  start: number;
  end: number;
}

/** Line spans of our blocks; throws when a begin marker has no end marker. */
function blockSpans(lines: string[], file: string): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() !== BEGIN_MARKER) continue;
    const end = lines.findIndex((l, j) => j > i && l.trim() === END_MARKER);
    if (end < 0) throw new Error(`${file}: '${BEGIN_MARKER}' has no '${END_MARKER}' after it; fix the file by hand`);
    spans.push({ start: i, end });
    i = end;
  }
  return spans;
}

/** Why our sh block cannot go into this foreign hook, if it cannot. */
export function refusalReason(existing: string): string | undefined {
  const first = existing.split('\n', 1)[0];
  if (first.startsWith('#!') && !SHELL_SHEBANG.test(first)) {
    return `it is not a shell script (${first.trim()}); add the State Hub call to it by hand`;
  }
  return undefined;
}

/** A foreign hook that exits before the end never reaches an appended block. */
export function unreachableWarning(text: string): string | undefined {
  const lines = text.split('\n');
  const begin = lines.findIndex((l) => l.trim() === BEGIN_MARKER);
  const before = begin < 0 ? lines : lines.slice(0, begin);
  return before.some((l) => /^exit(\s|;|$)/.test(l.trim()))
    ? 'the hook has an `exit` before the State Hub block, which may then never run'
    : undefined;
}

/** The hook text with exactly one block: updated in place, or appended to a foreign hook. */
export function withBlock(
  existing: string | undefined,
  block: string,
  file: string,
): { text: string; action: InstallAction } {
  if (existing === undefined || existing.trim() === '') return { text: `${SHEBANG}\n${block}`, action: 'created' };
  const lines = existing.split('\n');
  const spans = blockSpans(lines, file);
  if (spans.length === 0) {
    const base = existing.endsWith('\n') ? existing : `${existing}\n`;
    return { text: `${base}\n${block}`, action: 'added' };
  }
  const blockLines = block.replace(/\n$/, '').split('\n');
  const out: string[] = [];
  let next = 0;
  spans.forEach((span, k) => {
    out.push(...lines.slice(next, span.start));
    if (k === 0) out.push(...blockLines); // duplicates collapse into the first
    next = span.end + 1;
  });
  out.push(...lines.slice(next));
  const text = out.join('\n');
  return { text, action: text === existing ? 'unchanged' : 'updated' };
}

/** The hook text without our blocks (and the blank line put before an appended one); null: nothing else left. */
export function withoutBlock(existing: string, file: string): { text: string | null; removed: boolean } {
  const lines = existing.split('\n');
  const spans = blockSpans(lines, file);
  if (spans.length === 0) return { text: existing, removed: false };
  const out: string[] = [];
  let next = 0;
  for (const span of spans) {
    const kept = lines.slice(next, span.start);
    if (kept.length > 0 && kept[kept.length - 1].trim() === '') kept.pop();
    out.push(...kept);
    next = span.end + 1;
  }
  out.push(...lines.slice(next));
  const text = out.join('\n');
  const rest = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .filter((l, i) => !(i === 0 && l.startsWith('#!')));
  return { text: rest.length === 0 ? null : text, removed: true };
}
