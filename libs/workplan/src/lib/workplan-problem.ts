// Problems found while reading a workplan: the error that makes a file unusable
// (thrown inside the parser, caught at its edge) and the printable form.
import type { WorkplanProblem } from './types';

/** `path:line: reason`, the form editors and terminals make clickable. */
export function formatWorkplanProblem(problem: WorkplanProblem): string {
  const at = problem.line === undefined ? '' : `:${problem.line}`;
  return `${problem.path}${at}: ${problem.reason}`;
}

/** Stops parsing one file; `parseWorkplan` turns it into `{ kind: 'error' }`. */
export class WorkplanFileError extends Error {
  constructor(readonly problem: WorkplanProblem) {
    super(formatWorkplanProblem(problem));
    this.name = 'WorkplanFileError';
  }
}

/** What the parser passes around: where problems are reported. */
export interface ProblemSink {
  path: string;
  lineOf(offset: number): number;
  warn(offset: number | undefined, reason: string): void;
  fail(offset: number | undefined, reason: string): never;
}

/** A value as it may appear in a message, shortened. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** The first line of a (YAML library) message. */
export function oneLine(message: string): string {
  return message.split('\n')[0].trim();
}
