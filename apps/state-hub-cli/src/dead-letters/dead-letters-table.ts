// What a person reads from `dead-letters list | show | redrive`: a table per
// list, the letter's fields and payload, and each redrive's outcome with totals.
import type { EngineSchemas } from '@state-hub/engine-client';
import Table from 'cli-table3';

type Page = EngineSchemas['DeadLetterPageView'];
type Letter = EngineSchemas['DeadLetterDetailView'];
type Redrive = EngineSchemas['RedriveResultView'];

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function table(head: string[], rows: (string | number)[][]): string {
  // No colours: the table must read the same in a log file as on a terminal.
  const t = new Table({ head, style: { head: [], border: [] } });
  for (const row of rows) t.push(row);
  return t.toString();
}

export function renderLetterPage(page: Page): string {
  const where = page.delivery === 'jetstream' ? 'the dead-letter stream' : 'the dead_letters table';
  if (page.items.length === 0) return `no dead letters in ${where}`;
  const rows = page.items.map((l) => [
    l.id,
    l.original_subject,
    cut(l.reason, 60),
    l.delivery_count ?? '',
    l.redrive_count,
    l.dead_lettered_at,
    cut(l.payload_preview, 40),
  ]);
  const head = ['id', 'subject', 'reason', 'deliveries', 'redrives', 'dead-lettered at', 'payload'];
  const more = page.items.length === page.limit ? ` (the newest ${page.limit}; --limit shows more)` : '';
  return `${table(head, rows)}\n${plural(page.items.length, 'dead letter')} in ${where}${more}`;
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

export function renderLetter(letter: Letter): string {
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
  const width = Math.max(...fields.map(([k]) => k.length));
  return [...fields.map(([k, v]) => `${k.padEnd(width)}  ${v}`), '', payloadText(letter)].join('\n');
}

export function renderRedrive(result: Redrive): string {
  const rows = result.items.map((i) => [
    i.id,
    i.original_subject ?? '',
    i.outcome,
    i.redrive_count ?? '',
    i.republished_as ?? cut(i.error ?? '', 80),
  ]);
  const c = result.counts;
  const totals = result.dry_run
    ? `dry run: ${c.would_redrive} would be redriven, ${c.failed} cannot be, ${c.not_found} not found`
    : `${c.redriven} redriven by ${result.redriven_by}, ${c.failed} failed, ${c.not_found} not found`;
  if (result.items.length === 0) return `no dead letters matched; nothing to redrive`;
  return `${table(['id', 'subject', 'outcome', 'redrives', 'republished as / error'], rows)}\n${totals}`;
}
