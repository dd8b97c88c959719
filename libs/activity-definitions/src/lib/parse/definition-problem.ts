/** One thing wrong with a definition file, located as precisely as the source allows. */
export interface DefinitionProblem {
  /** The file, as given to the parser. */
  path: string;
  /** 1-based. */
  line?: number;
  /** 1-based. */
  column?: number;
  /** Names the field first, e.g. `trigger.cron_expression: invalid cron expression …`. */
  message: string;
}

/** `path:line:col: message`, the form editors and terminals make clickable. */
export function formatProblem(problem: DefinitionProblem): string {
  const at = problem.line === undefined ? '' : `:${problem.line}:${problem.column ?? 1}`;
  return `${problem.path}${at}: ${problem.message}`;
}
