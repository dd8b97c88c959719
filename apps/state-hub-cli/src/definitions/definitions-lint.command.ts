// `definitions lint [dir]`: the engine's checks on every file of a definitions
// folder; `path:line:col: message` per problem, exit 1 when a file has one.
import { lintDefinitions } from '@state-hub/activity-definitions';
import { resolve } from 'node:path';
import { CommandFailure, type ExitCode } from '../cli/cli-errors';
import type { Printer } from '../cli/printer';
import type { DefinitionsEnv } from '../config/cli-env';

export async function lintDefinitionsFolder(
  dir: string | undefined,
  flags: { json: boolean },
  env: DefinitionsEnv,
  out: Printer,
): Promise<ExitCode> {
  const folder = dir ?? env.dir;
  const report = await lintDefinitions(resolve(env.cwd, folder), { env: env.variables, cwd: env.cwd });
  if (flags.json) {
    out.json({
      dir: folder,
      ok: report.exitCode === 0,
      definitions_ok: report.definitionsOk,
      files_with_problems: report.filesWithProblems,
      ...(report.error ? { error: report.error } : {}),
      files: report.files,
    });
    return report.exitCode;
  }
  if (report.error) throw new CommandFailure(report.error);
  const summary = report.lines.at(-1) ?? '';
  for (const line of report.lines.slice(0, -1)) {
    out.line(line.includes(': warning: ') ? line : out.paint('red', line));
  }
  out.note(out.paint(report.exitCode === 0 ? 'green' : 'red', summary));
  return report.exitCode;
}
