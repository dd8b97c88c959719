// How every command prints: data on stdout, as a table on a terminal and as
// tab-separated lines otherwise (header first); notes beside the data (totals,
// "nothing found") on stdout on a terminal and on stderr otherwise, so a pipe
// gets only rows; colours only on a terminal and never with NO_COLOR.
import { styleText } from 'node:util';
import Table from 'cli-table3';
import type { OutStream } from './cli-io';

export interface OutputStyle {
  /** stdout is a terminal: tables and notes there; otherwise TSV rows there and notes on stderr. */
  table: boolean;
  color: boolean;
}

export type Cell = string | number | null | undefined;
type Format = Parameters<typeof styleText>[0];

/** The style for these streams: NO_COLOR (any value) and TERM=dumb turn colours off. */
export function outputStyle(stdout: OutStream, env: Record<string, string | undefined>): OutputStyle {
  const table = stdout.isTTY === true;
  return { table, color: table && !env['NO_COLOR'] && env['TERM'] !== 'dumb' };
}

/** A tab-separated cell: tabs and line breaks become spaces, so one row stays one line. */
function tsvCell(cell: Cell): string {
  return cell === null || cell === undefined ? '' : String(cell).replace(/[\t\r\n]+/g, ' ');
}

export class Printer {
  constructor(
    private readonly stdout: OutStream,
    private readonly stderr: OutStream,
    readonly style: OutputStyle,
  ) {}

  /** Colour (or bold, dim …) on a colour terminal; the text unchanged otherwise. */
  paint(format: Format, text: string): string {
    return this.style.color ? styleText(format, text, { validateStream: false }) : text;
  }

  /** One JSON document, pretty-printed. */
  json(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  /** A line of data (always stdout). */
  line(text: string): void {
    this.stdout.write(`${text}\n`);
  }

  /** A line about the data: stdout on a terminal, stderr when stdout is a pipe or a file. */
  note(text: string): void {
    (this.style.table ? this.stdout : this.stderr).write(`${text}\n`);
  }

  /** A line about what the command is doing ("following …", "stopped"): always stderr, never mixed into data. */
  status(text: string): void {
    this.stderr.write(`${text}\n`);
  }

  /** A table on a terminal; header and rows as tab-separated lines otherwise. */
  table(head: readonly string[], rows: readonly (readonly Cell[])[]): void {
    this.stdout.write(`${renderTable(head, rows, this.style, (t) => this.paint('bold', t))}\n`);
  }

  /** `name  value` lines (tab-separated off a terminal), for one record. */
  fields(fields: readonly (readonly [string, Cell])[]): void {
    const width = Math.max(...fields.map(([name]) => name.length));
    for (const [name, value] of fields) {
      this.line(
        this.style.table
          ? `${this.paint('bold', name.padEnd(width))}  ${tsvCell(value)}`
          : `${name}\t${tsvCell(value)}`,
      );
    }
  }
}

export function renderTable(
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
  style: Pick<OutputStyle, 'table'>,
  bold: (text: string) => string = (t) => t,
): string {
  if (!style.table) return [head, ...rows].map((row) => row.map(tsvCell).join('\t')).join('\n');
  const table = new Table({ head: head.map(bold), style: { head: [], border: [] } });
  for (const row of rows) table.push(row.map((cell) => (cell === null || cell === undefined ? '' : cell)));
  return table.toString();
}

/** The printer for a command's io. */
export function printerFor(io: { stdout: OutStream; stderr: OutStream; env: Record<string, string | undefined> }) {
  return new Printer(io.stdout, io.stderr, outputStyle(io.stdout, io.env));
}
