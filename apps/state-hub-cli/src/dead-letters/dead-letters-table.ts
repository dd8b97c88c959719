// What a person reads from `dead-letters list | show | redrive`: a row per
// letter, the letter's fields and payload, and each redrive's outcome with totals.
import type { EngineSchemas } from '@state-hub/engine-client';
import type { Printer } from '../cli/printer';

type Page = EngineSchemas['DeadLetterPageView'];
type Letter = EngineSchemas['DeadLetterDetailView'];
type Redrive = EngineSchemas['RedriveResultView'];

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Older letters the engine did not look at (JetStream reads a window of the newest): said, not hidden. */
function noteUnsearched(unsearched: number, out: Printer): void {
  if (unsearched > 0) {
    out.note(
      `${unsearched.toLocaleString('en-US')} older dead letter${unsearched === 1 ? '' : 's'} not searched: the ` +
        "engine reads the newest DEAD_LETTER_SCAN_LIMIT sequences of the stream (raise it in the engine's " +
        'environment to search them)',
    );
  }
}

export function printLetterPage(page: Page, out: Printer): void {
  const where = page.delivery === 'jetstream' ? 'the dead-letter stream' : 'the dead_letters table';
  if (page.items.length === 0) {
    out.note(`no dead letters in ${where}`);
    noteUnsearched(page.unsearched, out);
    return;
  }
  const rows = page.items.map((l) => [
    l.id,
    l.original_subject,
    cut(l.reason, 60),
    l.delivery_count ?? '',
    l.redrive_count,
    l.dead_lettered_at,
    cut(l.payload_preview, 40),
  ]);
  out.table(['id', 'subject', 'reason', 'deliveries', 'redrives', 'dead-lettered at', 'payload'], rows);
  const more = page.items.length === page.limit ? ` (the newest ${page.limit}; --limit shows more)` : '';
  out.note(`${plural(page.items.length, 'dead letter')} in ${where}${more}`);
  noteUnsearched(page.unsearched, out);
}

/** The payload pretty-printed when it is JSON, as text otherwise, as base64 when it is not text. */
function payloadText(letter: Letter): string {
  if (letter.payload_text === null) return `(not UTF-8; base64) ${letter.payload_base64}`;
  try {
    return JSON.stringify(JSON.parse(letter.payload_text), null, 2);
  } catch {
    return letter.payload_text;
  }
}

export function printLetter(letter: Letter, out: Printer): void {
  const fields: [string, string | number][] = [
    ['id', letter.id],
    ['subject', letter.original_subject],
    ['reason', letter.reason],
    ['deliveries', letter.delivery_count ?? 'unknown'],
    ['redrives', letter.redrive_count],
    ['dead-lettered at', letter.dead_lettered_at],
    ['source', letter.source],
    [
      'payload',
      `${letter.payload_bytes} bytes${letter.payload_truncated ? ' (the letter keeps the first 512 KiB)' : ''}`,
    ],
  ];
  if (letter.unredrivable) fields.push(['cannot redrive', letter.unredrivable]);
  out.fields(fields);
  out.line('');
  out.line(payloadText(letter));
}

export function printRedrive(result: Redrive, out: Printer): void {
  if (result.items.length === 0) {
    out.note('no dead letters matched; nothing to redrive');
    noteUnsearched(result.unsearched, out);
    return;
  }
  const rows = result.items.map((i) => [
    i.id,
    i.original_subject ?? '',
    i.outcome === 'redriven' || i.outcome === 'would_redrive' ? i.outcome : out.paint('red', i.outcome),
    i.redrive_count ?? '',
    i.republished_as ?? cut(i.error ?? '', 80),
  ]);
  out.table(['id', 'subject', 'outcome', 'redrives', 'republished as / error'], rows);
  const c = result.counts;
  out.note(
    result.dry_run
      ? `dry run: ${c.would_redrive} would be redriven, ${c.failed} cannot be, ${c.not_found} not found`
      : `${c.redriven} redriven by ${result.redriven_by}, ${c.failed} failed, ${c.not_found} not found`,
  );
  noteUnsearched(result.unsearched, out);
}
