// The dry run for people: one section per stage, the verdict last.
import { formatProblem } from '../parse/definition-problem';
import { plural, type DryRunReport } from './dry-run';
import type { InstructionPreview } from './preview-instruction';
import type { TriggerReport } from './trigger-check';

const INDENT = '  ';

export function formatDryRun(report: DryRunReport): string[] {
  const lines: string[] = [];
  const add = (...more: string[]) => lines.push(...more);
  const id = report.definition.id ?? '(invalid)';
  const disabled = report.definition.enabled === false ? ', enabled: false' : '';
  add(`Definition ${id} (${report.definition.path}${disabled})`);
  for (const problem of report.problems) add(formatProblem(problem));
  for (const warning of report.warnings) add(formatProblem({ ...warning, message: `warning: ${warning.message}` }));
  if (report.trigger) add('', ...triggerLines(report.trigger));
  if (report.event_ignored) add(`${INDENT}note: ${report.event_ignored}`);
  if (report.context) add('', ...contextLines(report.context));
  if (report.rule) {
    const rule = report.rule;
    add('', rule.checks.length + rule.not_evaluated.length === 0 ? 'Rule: none (every trigger acts)' : 'Rule:');
    for (const check of rule.checks) {
      const shown = check.error !== undefined ? `error: ${check.error}` : json(check.value);
      add(`${INDENT}${check.passed ? 'pass' : 'FAIL'}  ${check.expression}  => ${shown}`);
    }
    for (const expression of rule.not_evaluated) add(`${INDENT}----  ${expression}  (not evaluated)`);
    if (rule.checks.length > 0) add(`${INDENT}=> ${rule.passed ? 'passed' : `declined: ${rule.reason ?? ''}`}`);
  }
  if (report.instruction) add('', 'Instruction (rendered, not executed):', ...instructionLines(report.instruction));
  if (report.instruction_error) add('', 'Instruction:', `${INDENT}cannot be rendered: ${report.instruction_error}`);
  add('', report.would_run ? 'Result: would run' : `Result: would not run: ${report.reasons.join('; ')}`);
  return lines;
}

function triggerLines(trigger: TriggerReport): string[] {
  switch (trigger.trigger_type) {
    case 'manual':
      return ['Trigger: manual', `${INDENT}runs only when asked (POST /definitions/:id/run); tested as a manual run`];
    case 'cron':
      return [
        `Trigger: cron ${JSON.stringify(trigger.cron_expression)} in ${trigger.timezone}; next ${plural(trigger.next_slots.length, 'slot')}:`,
        ...trigger.next_slots.map((slot) => `${INDENT}${slot.local}  = ${slot.utc}`),
        `${INDENT}tested as the run of a slot (no event)`,
      ];
    case 'event': {
      const lines = [`Trigger: event ${trigger.event_type}`];
      lines.push(
        `${INDENT}subject ${JSON.stringify(trigger.sample_type)}: ${trigger.subject_matches ? 'matches' : 'does not match'}`,
      );
      for (const filter of trigger.filters) {
        const seen = filter.value === undefined ? 'attribute missing' : JSON.stringify(filter.value);
        lines.push(
          `${INDENT}filter ${filter.attribute}: ${JSON.stringify(filter.glob)} vs ${seen}: ${filter.matches ? 'matches' : 'does not match'}`,
        );
      }
      for (const problem of trigger.envelope_problems) {
        lines.push(
          `${INDENT}note: the engine cannot read the sample as an envelope (it would dead-letter it): ${problem}`,
        );
      }
      lines.push(`${INDENT}=> ${trigger.matches ? 'matches the sample event' : 'does not match the sample event'}`);
      return lines;
    }
  }
}

function contextLines(context: { fetched: boolean; bindings: Record<string, unknown> }): string[] {
  const names = Object.keys(context.bindings);
  if (names.length === 0) return ['Context: none'];
  const head = context.fetched
    ? 'Context (fetched):'
    : 'Context: not fetched (dry run; --fetch-context fetches it), each source bound as {"skipped":"dry run"}';
  return [head, ...names.map((name) => `${INDENT}${name} = ${json(context.bindings[name], 200)}`)];
}

function instructionLines(preview: InstructionPreview): string[] {
  const lines: string[] = [];
  const failure =
    preview.on_failure === 'retry'
      ? `on_failure retry: ${plural(preview.attempts, 'attempt')}, ${preview.backoff_seconds ?? 0}s apart`
      : `on_failure ${preview.on_failure}`;
  switch (preview.kind) {
    case 'http':
      lines.push(`${INDENT}${preview.method} ${preview.url}`);
      for (const [name, value] of Object.entries(preview.headers)) lines.push(`${INDENT}${name}: ${value}`);
      if (preview.body !== undefined) {
        lines.push(
          `${INDENT}body:`,
          ...JSON.stringify(preview.body, null, 2)
            .split('\n')
            .map((l) => INDENT.repeat(2) + l),
        );
      }
      lines.push(`${INDENT}timeout ${preview.timeout_seconds}s, success: ${preview.expect_status}, ${failure}`);
      return lines;
    case 'shell':
      lines.push(`${INDENT}/bin/sh -c ${JSON.stringify(preview.cmd)}`);
      if (preview.cwd !== undefined) lines.push(`${INDENT}cwd: ${preview.cwd}`);
      lines.push(`${INDENT}env:`);
      for (const [name, value] of Object.entries(preview.env)) lines.push(`${INDENT.repeat(2)}${name}=${value}`);
      lines.push(`${INDENT}timeout ${preview.timeout_seconds}s, ${failure}`);
      return lines;
    case 'publish':
      lines.push(`${INDENT}publish ${preview.event_type} (publisher ${preview.publisher})`);
      lines.push(`${INDENT}correlation_id: ${preview.correlation_id}`);
      if (preview.causation_id) lines.push(`${INDENT}causation_id: ${preview.causation_id}`);
      lines.push(
        `${INDENT}attributes:`,
        ...JSON.stringify(preview.attributes, null, 2)
          .split('\n')
          .map((l) => INDENT.repeat(2) + l),
      );
      lines.push(`${INDENT}${failure}`);
      return lines;
  }
}

function json(value: unknown, max = 500): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} chars)`;
}
