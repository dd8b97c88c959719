// A run's rule outcome as the engine records it ({ passed, reason?, checks:
// [{ expression, value?, error? }] }): the OpenAPI document types `rule` as a
// free object, so it is read defensively here rather than trusted.

export interface RuleCheckRow {
  expression: string;
  /** The value as JSON text, or undefined when the check failed with an error. */
  value?: string;
  error?: string;
}

export interface RuleSummary {
  passed: boolean;
  reason?: string;
  checks: RuleCheckRow[];
}

export function readRule(rule: Record<string, unknown> | null): RuleSummary | undefined {
  if (!rule || typeof rule['passed'] !== 'boolean') return undefined;
  const checks = Array.isArray(rule['checks']) ? rule['checks'] : [];
  return {
    passed: rule['passed'],
    reason: typeof rule['reason'] === 'string' ? rule['reason'] : undefined,
    checks: checks.filter(isRecord).map((check) => ({
      expression: typeof check['expression'] === 'string' ? check['expression'] : JSON.stringify(check),
      value: 'value' in check ? JSON.stringify(check['value']) : undefined,
      error: typeof check['error'] === 'string' ? check['error'] : undefined,
    })),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
