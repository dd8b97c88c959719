// Decides whether a run acts. All expressions must be true; the first one that
// is false, not a boolean, or fails stops the evaluation and names the reason.
import { isCelError, type CelInput } from '@bufbuild/cel';
import { celTimestamp, fromCelValue, toCelInput } from './cel-values';
import type { CompiledRule } from './compile-rule';

export interface RuleInput {
  /** The event envelope as a plain object; null for cron and manual runs. */
  event: Record<string, unknown> | null;
  /** Context results by bind name; a failed source is bound as `{ error, status? }`. */
  bindings: Record<string, unknown>;
  now: Date;
}

export interface RuleCheck {
  expression: string;
  value?: unknown;
  error?: string;
}

export interface RuleOutcome {
  passed: boolean;
  /** The expressions evaluated, in order; evaluation stops at the first that does not pass. */
  checks: RuleCheck[];
  /** Why the rule declined, naming the expression; absent when it passed. */
  reason?: string;
}

export function evaluateRule(rule: CompiledRule, input: RuleInput): RuleOutcome {
  const variables = ruleVariables(input);
  const checks: RuleCheck[] = [];
  for (const compiled of rule.expressions) {
    const { check, failure } = runExpression(compiled.expression, () => compiled.evaluate(variables));
    checks.push(check);
    if (failure) return { passed: false, checks, reason: explainMissingAttribute(check, input.event) ?? failure };
  }
  return { passed: true, checks };
}

/**
 * Events from other publishers may lack catalog attributes (DESIGN §3): an expression that reads one
 * declines with a reason naming the attribute, rather than CEL's bare `field not found`.
 */
function explainMissingAttribute(check: RuleCheck, event: RuleInput['event']): string | undefined {
  const name = check.error === undefined ? undefined : /^field not found: (.+)$/.exec(check.error)?.[1];
  const attributes = event?.['attributes'];
  if (name === undefined || typeof attributes !== 'object' || attributes === null) return undefined;
  if (Object.hasOwn(attributes, name)) return undefined;
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reads = new RegExp(`attributes(\\.${escaped}(?!\\w)|\\[\\s*['"]${escaped}['"]\\s*\\])`);
  if (!reads.test(check.expression)) return undefined;
  return (
    `${JSON.stringify(check.expression)} declined: the event has no attribute ${name} ` +
    `(test for it with has(event.attributes.${name}))`
  );
}

function ruleVariables(input: RuleInput): Record<string, CelInput> {
  const variables: Record<string, CelInput> = {};
  for (const [name, value] of Object.entries(input.bindings)) variables[name] = toCelInput(value);
  // Built-ins win over a binding of the same name (the schema refuses those anyway).
  variables['event'] = toCelInput(input.event);
  variables['now'] = celTimestamp(input.now);
  return variables;
}

function runExpression(expression: string, evaluate: () => unknown): { check: RuleCheck; failure?: string } {
  let result: unknown;
  try {
    result = evaluate();
  } catch (error) {
    result = error instanceof Error ? error : new Error(String(error));
  }
  const quoted = JSON.stringify(expression);
  if (isCelError(result) || result instanceof Error) {
    const error = result.message;
    return { check: { expression, error }, failure: `${quoted} failed: ${error}` };
  }
  const value = fromCelValue(result);
  if (typeof result !== 'boolean') {
    return { check: { expression, value }, failure: `${quoted} returned ${JSON.stringify(value)}, not a boolean` };
  }
  return result ? { check: { expression, value } } : { check: { expression, value }, failure: `${quoted} is false` };
}
