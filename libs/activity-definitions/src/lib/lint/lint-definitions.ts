// The lint CLI's work, without the process: load a directory the way the
// engine would (unset variables become placeholders) and report per problem.
import { relative } from 'node:path';
import { DefinitionDirectory } from '../directory/definition-directory';
import { formatProblem, type DefinitionProblem } from '../parse/definition-problem';

export interface LintOptions {
  env: Record<string, string | undefined>;
  /** Problem paths are printed relative to this directory. */
  cwd: string;
}

export interface LintReport {
  lines: string[];
  definitionsOk: number;
  filesWithProblems: number;
  exitCode: 0 | 1;
}

export async function lintDefinitions(dir: string, options: LintOptions): Promise<LintReport> {
  const directory = new DefinitionDirectory(dir, { env: options.env, unsetVariables: 'placeholder' });
  try {
    await directory.load();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { lines: [message], definitionsOk: 0, filesWithProblems: 0, exitCode: 1 };
  } finally {
    await directory.close();
  }
  const shown = (problem: DefinitionProblem): DefinitionProblem => ({
    ...problem,
    path: relative(options.cwd, problem.path) || problem.path,
  });
  const lines: string[] = [];
  let definitionsOk = 0;
  let filesWithProblems = 0;
  let warnings = 0;
  for (const status of directory.list()) {
    lines.push(...status.errors.map((problem) => formatProblem(shown(problem))));
    lines.push(...status.warnings.map((w) => formatProblem({ ...shown(w), message: `warning: ${w.message}` })));
    warnings += status.warnings.length;
    if (status.errors.length > 0) filesWithProblems += 1;
    else definitionsOk += 1;
  }
  const noun = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary = `${noun(definitionsOk, 'definition')} OK, ${noun(filesWithProblems, 'file')} with problems`;
  lines.push(warnings > 0 ? `${summary}, ${noun(warnings, 'warning')}` : summary);
  return { lines, definitionsOk, filesWithProblems, exitCode: filesWithProblems > 0 ? 1 : 0 };
}
