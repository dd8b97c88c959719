// The lint's work, without the process: load a directory the way the engine
// would (unset variables become placeholders) and report per file and problem,
// as lines for people and as data for `--json`.
import { relative } from 'node:path';
import { DefinitionDirectory } from '../directory/definition-directory';
import type { DefinitionState } from '../directory/definition-status';
import { formatProblem, type DefinitionProblem } from '../parse/definition-problem';

export interface LintOptions {
  env: Record<string, string | undefined>;
  /** Problem paths are printed relative to this directory. */
  cwd: string;
}

/** One file of the directory, as the lint saw it; problems as `path:line:col: message`. */
export interface LintedFile {
  path: string;
  id?: string;
  state: DefinitionState;
  errors: string[];
  warnings: string[];
}

export interface LintReport {
  lines: string[];
  files: LintedFile[];
  definitionsOk: number;
  filesWithProblems: number;
  /** Set when the directory itself cannot be read. */
  error?: string;
  exitCode: 0 | 1;
}

export async function lintDefinitions(dir: string, options: LintOptions): Promise<LintReport> {
  const directory = new DefinitionDirectory(dir, { env: options.env, unsetVariables: 'placeholder' });
  try {
    await directory.load();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { lines: [message], files: [], definitionsOk: 0, filesWithProblems: 0, error: message, exitCode: 1 };
  } finally {
    await directory.close();
  }
  const shown = (problem: DefinitionProblem): DefinitionProblem => ({
    ...problem,
    path: relative(options.cwd, problem.path) || problem.path,
  });
  const lines: string[] = [];
  const files: LintedFile[] = [];
  let definitionsOk = 0;
  let filesWithProblems = 0;
  let warnings = 0;
  for (const status of directory.list()) {
    const errors = status.errors.map((problem) => formatProblem(shown(problem)));
    const notes = status.warnings.map((w) => formatProblem({ ...shown(w), message: `warning: ${w.message}` }));
    lines.push(...errors, ...notes);
    files.push({
      path: relative(options.cwd, status.sourcePath) || status.sourcePath,
      ...(status.id ? { id: status.id } : {}),
      state: status.state,
      errors,
      warnings: notes,
    });
    warnings += status.warnings.length;
    if (status.errors.length > 0) filesWithProblems += 1;
    else definitionsOk += 1;
  }
  const noun = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const summary = `${noun(definitionsOk, 'definition')} OK, ${noun(filesWithProblems, 'file')} with problems`;
  lines.push(warnings > 0 ? `${summary}, ${noun(warnings, 'warning')}` : summary);
  return { lines, files, definitionsOk, filesWithProblems, exitCode: filesWithProblems > 0 ? 1 : 0 };
}
