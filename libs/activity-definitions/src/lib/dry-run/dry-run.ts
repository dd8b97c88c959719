// A dry run of one definition, in the engine's order (run-executor.service.ts):
// trigger, context, rule, instruction. Nothing is executed; the report says
// what would happen and why.
import { redactSecrets } from '@state-hub/config';
import type { DefinitionProblem } from '../parse/definition-problem';
import { evaluateRule, type RuleCheck } from '../rule/evaluate-rule';
import { TemplateError } from '../template/template-error';
import { dryRunContext } from './fetch-context';
import type { LoadedTarget } from './load-target';
import { previewInstruction, RUN_ID_PLACEHOLDER, type InstructionPreview } from './preview-instruction';
import { checkTrigger, type TriggerReport } from './trigger-check';

export interface DryRunOptions {
  /** The sample envelope (event triggers); ignored for cron and manual, whose runs have no event. */
  event?: Record<string, unknown>;
  now: Date;
  fetchContext: boolean;
}

export interface RuleReport {
  /** Each expression in order; `passed` is false from the first one that stops the rule. */
  checks: (RuleCheck & { passed: boolean })[];
  /** Expressions after the one that declined; the engine does not evaluate them. */
  not_evaluated: string[];
  passed: boolean;
  reason?: string;
}

export interface DryRunReport {
  definition: { id?: string; path: string; enabled?: boolean };
  problems: DefinitionProblem[];
  warnings: DefinitionProblem[];
  now: string;
  /** Set when the sample event was given but the trigger type does not use one. */
  event_ignored?: string;
  trigger?: TriggerReport;
  context?: { fetched: boolean; bindings: Record<string, unknown> };
  rule?: RuleReport;
  instruction?: InstructionPreview;
  /** The placeholder error that would fail the run. */
  instruction_error?: string;
  would_run: boolean;
  /** Why it would not run, first reason first. */
  reasons: string[];
}

export async function dryRun(target: LoadedTarget, options: DryRunOptions): Promise<DryRunReport> {
  const report: DryRunReport = {
    definition: { path: target.path, ...(target.loaded ? { id: target.loaded.id } : {}) },
    problems: target.problems,
    warnings: target.warnings,
    now: options.now.toISOString(),
    would_run: false,
    reasons: [],
  };
  const loaded = target.loaded;
  if (!loaded) {
    report.reasons.push(`the definition is invalid (${plural(target.problems.length, 'problem')})`);
    return verdictLast(report);
  }
  report.definition.enabled = loaded.enabled;
  if (!loaded.enabled) report.reasons.push('enabled: false — the engine never runs this definition');
  const triggerType = loaded.definition.trigger.trigger_type;
  if (triggerType !== 'event' && options.event) {
    report.event_ignored = `the sample event is ignored: ${triggerType} runs have no event (event is null)`;
  }
  const event = triggerType === 'event' && options.event ? { ...options.event } : null;
  report.trigger = checkTrigger(loaded, event, options.now);
  if (!report.trigger.matches) {
    report.reasons.push('the trigger does not match the sample event');
    return verdictLast(report);
  }
  report.context = await dryRunContext(loaded.definition.context ?? [], options.fetchContext);
  const bindings = report.context.bindings;
  const outcome = evaluateRule(loaded.rule, { event, bindings, now: options.now });
  report.rule = {
    checks: outcome.checks.map((check, index) => ({
      ...check,
      passed: outcome.passed || index < outcome.checks.length - 1,
    })),
    not_evaluated: loaded.rule.when.slice(outcome.checks.length),
    passed: outcome.passed,
    ...(outcome.reason ? { reason: outcome.reason } : {}),
  };
  if (!outcome.passed) {
    report.reasons.push(`skipped: ${outcome.reason ?? 'rule declined'}`);
    return verdictLast(report);
  }
  try {
    const data = { ...bindings, event, run: { id: RUN_ID_PLACEHOLDER } };
    report.instruction = previewInstruction(loaded.definition.instruction, data);
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error;
    report.instruction_error = error.message;
    report.reasons.push(`the run would fail: ${error.message}`);
  }
  return verdictLast(report);
}

// The verdict goes last, so `--json` reads in the same order as the text output. No value `${VAR}` put in (a
// token in a URL or a command) is ever printed: the report shows SECRET_MARKER in its place.
function verdictLast(report: DryRunReport): DryRunReport {
  const { would_run: _unset, reasons, ...rest } = report;
  return redactSecrets({ ...rest, would_run: reasons.length === 0, reasons });
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
