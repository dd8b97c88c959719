// The definition a dry run is about: a file path, or an id looked up in the
// definitions directory. Loaded the way lint loads (unset ${VAR}s become
// placeholders and warnings), so problems read exactly like lint's.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { DefinitionDirectory } from '../directory/definition-directory';
import type { DefinitionProblem } from '../parse/definition-problem';
import type { LoadedDefinition } from '../parse/loaded-definition';
import { parseDefinition } from '../parse/parse-definition';
import { DefinitionTargetError } from './target-error';

export interface LoadedTarget {
  /** As shown to the user: relative to cwd. */
  path: string;
  problems: DefinitionProblem[];
  warnings: DefinitionProblem[];
  /** Absent when the file has problems. */
  loaded?: LoadedDefinition;
}

export interface LoadTargetOptions {
  dir: string;
  env: Record<string, string | undefined>;
  cwd: string;
}

function looksLikePath(target: string): boolean {
  return /[\\/]/.test(target) || /\.ya?ml$/i.test(target) || existsSync(target);
}

export async function loadTarget(target: string, options: LoadTargetOptions): Promise<LoadedTarget> {
  const shown = (path: string) => relative(options.cwd, path) || path;
  const located = (problems: DefinitionProblem[]) => problems.map((p) => ({ ...p, path: shown(p.path) }));
  if (looksLikePath(target)) {
    const path = resolve(options.cwd, target);
    if (!existsSync(path) || !statSync(path).isFile()) {
      throw new DefinitionTargetError(`no such definition file: ${target}`);
    }
    const result = parseDefinition(readFileSync(path, 'utf8'), {
      path,
      env: options.env,
      unsetVariables: 'placeholder',
    });
    return {
      path: shown(path),
      problems: result.ok ? [] : located(result.problems),
      warnings: located(result.warnings),
      ...(result.ok ? { loaded: result.definition } : {}),
    };
  }
  const directory = new DefinitionDirectory(resolve(options.cwd, options.dir), {
    env: options.env,
    unsetVariables: 'placeholder',
  });
  try {
    await directory.load();
  } catch (error) {
    throw new DefinitionTargetError(error instanceof Error ? error.message : String(error));
  } finally {
    await directory.close();
  }
  const statuses = directory.list();
  const status = statuses.find((s) => s.id === target);
  if (!status) {
    const ids = statuses.flatMap((s) => (s.id ? [s.id] : [])).sort();
    throw new DefinitionTargetError(
      `no definition with id ${JSON.stringify(target)} in ${options.dir}${ids.length > 0 ? ` (ids: ${ids.join(', ')})` : ''}`,
    );
  }
  const valid = status.errors.length === 0 && status.active?.sourcePath === status.sourcePath;
  return {
    path: shown(status.sourcePath),
    problems: located(status.errors),
    warnings: located(status.warnings),
    ...(valid && status.active ? { loaded: status.active } : {}),
  };
}
