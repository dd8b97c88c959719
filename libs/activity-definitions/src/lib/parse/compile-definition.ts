// The checks that need more than the schema: CEL rules, the cron schedule, and
// a few cross-field mistakes (an event nobody publishes, a definition that
// would re-trigger itself). They read the raw value defensively, so a file
// with schema errors still gets these reported in the same pass.
import { SUBJECTS, subjectMatches } from '@state-hub/subjects';
import { compileCron, type CompiledCron } from '../cron/compile-cron';
import { compileExpression, type CompiledExpression, type CompiledRule } from '../rule/compile-rule';
import { isValidTimezone } from '../schema/timezone';
import { fieldPathText } from './field-path';
import type { FieldIssue } from './schema-problems';

export interface CompiledParts {
  rule: CompiledRule;
  cron?: CompiledCron;
  problems: FieldIssue[];
  warnings: FieldIssue[];
}

type Loose = Record<string, unknown>;

export function compileDefinition(value: Loose): CompiledParts {
  const parts: CompiledParts = { rule: { when: [], expressions: [] }, problems: [], warnings: [] };
  const trigger = asObject(value['trigger']);
  const instruction = asObject(value['instruction']);
  compileRuleInto(value, parts);
  compileCronInto(trigger, parts);
  checkEventType(trigger, parts);
  checkSelfTrigger(trigger, instruction, parts);
  return parts;
}

function asObject(value: unknown): Loose {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Loose) : {};
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function issue(path: PropertyKey[], message: string): FieldIssue {
  return { path, at: 'value', message: `${fieldPathText(path)}: ${message}` };
}

function compileRuleInto(value: Loose, parts: CompiledParts): void {
  const rawWhen = asObject(value['rule'])['when'];
  const when: unknown[] = Array.isArray(rawWhen) ? rawWhen : [];
  const context: unknown[] = Array.isArray(value['context']) ? value['context'] : [];
  const bindings = context.flatMap((source) => asString(asObject(source)['bind']) ?? []);
  const expressions: CompiledExpression[] = [];
  when.forEach((expression, index) => {
    if (typeof expression !== 'string' || expression.length === 0) return;
    const result = compileExpression(expression, { bindings });
    if (result.ok) expressions.push(result.compiled);
    else parts.problems.push(issue(['rule', 'when', index], result.message));
  });
  parts.rule = { when: expressions.map((compiled) => compiled.expression), expressions };
}

function compileCronInto(trigger: Loose, parts: CompiledParts): void {
  const expression = asString(trigger['cron_expression']);
  const timezone = asString(trigger['timezone']) ?? 'UTC';
  // A bad timezone is the schema's to report; compiling with it would say it twice.
  if (trigger['trigger_type'] !== 'cron' || !expression || !isValidTimezone(timezone)) return;
  const catchupWindow = asString(trigger['catchup_window']);
  try {
    parts.cron = compileCron({
      cron_expression: expression,
      timezone,
      ...(catchupWindow === undefined ? {} : { catchup_window: catchupWindow }),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    parts.problems.push(issue(['trigger', 'cron_expression'], message));
  }
}

// A warning, not an error: other publishers may add subjects before the catalog knows them.
function checkEventType(trigger: Loose, parts: CompiledParts): void {
  const eventType = asString(trigger['event_type']);
  if (trigger['trigger_type'] !== 'event' || !eventType) return;
  if (!Object.values(SUBJECTS).some((subject) => subjectMatches(eventType, subject))) {
    const message = `"${eventType}" matches no subject in the v1 catalog (docs/nats-event-subjects.md)`;
    parts.warnings.push(issue(['trigger', 'event_type'], message));
  }
}

function checkSelfTrigger(trigger: Loose, instruction: Loose, parts: CompiledParts): void {
  const listensTo = asString(trigger['event_type']);
  const publishes = asString(instruction['event_type']);
  if (trigger['trigger_type'] !== 'event' || instruction['kind'] !== 'publish' || !listensTo || !publishes) return;
  if (!subjectMatches(listensTo, publishes)) return;
  const message = `publishing "${publishes}" would trigger this definition again (trigger.event_type "${listensTo}")`;
  // With filters the published attributes may not match; then it is only a warning.
  if (Object.keys(asObject(trigger['filters'])).length > 0) {
    parts.warnings.push(issue(['instruction', 'event_type'], `${message} unless the filters exclude it`));
  } else {
    parts.problems.push(issue(['instruction', 'event_type'], message));
  }
}
