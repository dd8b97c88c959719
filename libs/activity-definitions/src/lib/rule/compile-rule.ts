// Compiles a rule's `when` list once, at load time, so a typo is a load error
// with a line number instead of a failed run later.
import { isCelError, parse, plan, type CelInput } from '@bufbuild/cel';
import { BUILT_IN_VARIABLES } from '../schema/names';
import { fromCelValue } from './cel-values';
import { staticFindings } from './cel-static-check';
import { RULE_ENVIRONMENT } from './rule-environment';

export type CelVariables = Record<string, CelInput>;

export interface CompiledExpression {
  readonly expression: string;
  /** Returns the CEL result (or a CelError); never throws for a compiled expression. */
  readonly evaluate: (variables: CelVariables) => unknown;
}

export interface CompiledRule {
  readonly when: readonly string[];
  readonly expressions: readonly CompiledExpression[];
}

export interface CompileRuleOptions {
  /**
   * Names of the context bindings. When given, any other variable except
   * `event` and `now` is a compile error; when absent, variables are not checked.
   */
  bindings?: readonly string[];
}

export type ExpressionCompilation = { ok: true; compiled: CompiledExpression } | { ok: false; message: string };

export class RuleCompileError extends Error {
  constructor(readonly failures: readonly { index: number; expression: string; message: string }[]) {
    super(failures.map((f) => `rule.when[${f.index}] ${JSON.stringify(f.expression)}: ${f.message}`).join('\n'));
    this.name = 'RuleCompileError';
  }
}

export function compileExpression(expression: string, options: CompileRuleOptions = {}): ExpressionCompilation {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(expression);
  } catch (error) {
    return { ok: false, message: syntaxMessage(error) };
  }
  const findings = staticFindings(parsed.expr, RULE_ENVIRONMENT);
  const known = options.bindings ? new Set([...BUILT_IN_VARIABLES, ...options.bindings]) : undefined;
  const unknown = known ? [...findings.freeVariables].filter((name) => !known.has(name)) : [];
  if (unknown.length > 0) {
    const available = [...(known ?? [])].join(', ');
    return { ok: false, message: `unknown variable ${quoteAll(unknown)}; rules can use ${available}` };
  }
  if (findings.unknownFunctions.size > 0) {
    return { ok: false, message: `unknown function ${quoteAll([...findings.unknownFunctions])}` };
  }
  let program: (variables: CelVariables) => unknown;
  try {
    program = plan(RULE_ENVIRONMENT, parsed);
  } catch (error) {
    return { ok: false, message: `invalid CEL: ${errorText(error)}` };
  }
  const compiled: CompiledExpression = { expression, evaluate: (variables) => program(variables) };
  return findings.freeVariables.size === 0 ? checkConstant(compiled) : { ok: true, compiled };
}

/** Throws RuleCompileError naming every expression that does not compile. */
export function compileRule(when: readonly string[], options: CompileRuleOptions = {}): CompiledRule {
  const results = when.map((expression) => compileExpression(expression, options));
  const failures = results.flatMap((result, index) =>
    result.ok ? [] : [{ index, expression: when[index], message: result.message }],
  );
  if (failures.length > 0) throw new RuleCompileError(failures);
  return { when: [...when], expressions: results.flatMap((result) => (result.ok ? [result.compiled] : [])) };
}

// An expression without variables has one value forever: work it out now.
function checkConstant(compiled: CompiledExpression): ExpressionCompilation {
  const value = compiled.evaluate({});
  if (isCelError(value)) return { ok: false, message: `invalid CEL: ${value.message}` };
  if (typeof value !== 'boolean') {
    return { ok: false, message: `always evaluates to ${JSON.stringify(fromCelValue(value))}, not a boolean` };
  }
  return { ok: true, compiled };
}

interface SyntaxErrorLike {
  rawMessage?: string;
  location?: { start?: { column?: number } };
}

function syntaxMessage(error: unknown): string {
  const { rawMessage, location } = (error ?? {}) as SyntaxErrorLike;
  const column = location?.start?.column;
  const text = rawMessage ?? errorText(error);
  return column === undefined ? `invalid CEL: ${text}` : `invalid CEL at column ${column}: ${text}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function quoteAll(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
