// One definition file, text in, a compiled definition or located problems out.
// Never throws: every failure becomes a problem with the file path.
import { redactText } from '@state-hub/config';
import { ActivityDefinitionSchema } from '../schema/activity-definition-schema';
import { compileDefinition } from './compile-definition';
import { contentHash } from './content-hash';
import type { DefinitionProblem } from './definition-problem';
import { deepFreeze } from './deep-freeze';
import { substituteVariables } from './env-substitution';
import type { ParseDefinitionOptions, ParseResult } from './loaded-definition';
import { schemaIssues, preview, type FieldIssue } from './schema-problems';
import { readYaml, type Locate } from './yaml-source';

export const MAX_DEFINITION_BYTES = 256 * 1024;

export function parseDefinition(text: string, options: ParseDefinitionOptions): ParseResult {
  try {
    return hideSecrets(parse(text, options));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ path: options.path, message: `could not be read: ${reason}` }], warnings: [] };
  }
}

function parse(text: string, options: ParseDefinitionOptions): ParseResult {
  const { path } = options;
  const fail = (problems: DefinitionProblem[], warnings: DefinitionProblem[] = []): ParseResult => ({
    ok: false,
    problems,
    warnings,
  });
  if (Buffer.byteLength(text, 'utf8') > MAX_DEFINITION_BYTES) {
    return fail([{ path, message: `file is larger than ${MAX_DEFINITION_BYTES / 1024} KiB` }]);
  }
  const yaml = readYaml(text);
  if (!yaml.ok) {
    return fail(yaml.errors.map((e) => ({ path, ...e.position, message: `invalid YAML: ${e.message}` })));
  }
  const warnings: DefinitionProblem[] = yaml.warnings.map((w) => ({
    path,
    ...w.position,
    message: `YAML: ${w.message}`,
  }));
  const root = yaml.value;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    const got = root === null || root === undefined ? 'an empty file' : preview(root);
    return fail([
      {
        path,
        line: 1,
        column: 1,
        message: `a definition file holds one mapping (id, trigger, instruction, …), got ${got}`,
      },
    ]);
  }
  const located = (issue: FieldIssue): DefinitionProblem => locateIssue(path, yaml.locate, issue);
  const substituted = substituteVariables(root, options.env, options.unsetVariables ?? 'error');
  const problems = substituted.problems.map((p) => located({ ...p, at: 'value' }));
  warnings.push(...substituted.warnings.map((w) => located({ ...w, at: 'value' })));
  const parsed = ActivityDefinitionSchema.safeParse(substituted.value);
  if (!parsed.success) problems.push(...schemaIssues(parsed.error.issues, substituted.value).map(located));
  const compiled = compileDefinition(substituted.value as Record<string, unknown>);
  problems.push(...compiled.problems.map(located));
  warnings.push(...compiled.warnings.map(located));
  if (!parsed.success || problems.length > 0) return fail(sortByPosition(problems), warnings);
  const definition = deepFreeze(parsed.data);
  return {
    ok: true,
    warnings,
    definition: {
      id: definition.id,
      sourcePath: path,
      contentHash: contentHash(text),
      enabled: definition.enabled,
      definition,
      rule: compiled.rule,
      ...(compiled.cron ? { cron: compiled.cron } : {}),
    },
  };
}

/** A problem may quote a value `${VAR}` put in (`url: got "…"`): never the secret itself. */
function hideSecrets(result: ParseResult): ParseResult {
  const hide = (list: DefinitionProblem[]) => list.map((p) => ({ ...p, message: redactText(p.message) }));
  return result.ok
    ? { ...result, warnings: hide(result.warnings) }
    : { ...result, problems: hide(result.problems), warnings: hide(result.warnings) };
}

function sortByPosition(problems: DefinitionProblem[]): DefinitionProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

function locateIssue(path: string, locate: Locate, issue: FieldIssue): DefinitionProblem {
  return { path, ...locate(issue.path, issue.at), message: issue.message };
}
