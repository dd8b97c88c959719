// A Printer whose stdout and stderr are strings, as on a terminal (tables) or
// as in a pipe (tab-separated rows, notes on stderr), for renderer specs.
import { PassThrough } from 'node:stream';
import { Printer } from '../cli/printer';

export interface CapturedPrinter {
  printer: Printer;
  stdout(): string;
  stderr(): string;
}

export function capturePrinter(options: { terminal: boolean; color?: boolean }): CapturedPrinter {
  let out = '';
  let err = '';
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const printer = new Printer(stdout, stderr, { table: options.terminal, color: options.color ?? false });
  return { printer, stdout: () => out, stderr: () => err };
}
