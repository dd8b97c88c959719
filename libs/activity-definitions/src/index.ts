export {
  ActivityDefinitionSchema,
  RuleSchema,
  type ActivityDefinition,
  type Rule,
} from './lib/schema/activity-definition-schema';
export type { Trigger, CronTrigger, EventTrigger } from './lib/schema/trigger-schema';
export type { ContextSource } from './lib/schema/context-schema';
export {
  DEFAULT_RETRY,
  type Instruction,
  type HttpInstruction,
  type ShellInstruction,
  type PublishInstruction,
  type OnFailure,
} from './lib/schema/instruction-schema';
export { activityDefinitionJsonSchema } from './lib/schema/json-schema';
export { parseDuration } from './lib/schema/duration';
export { parseDefinition, MAX_DEFINITION_BYTES } from './lib/parse/parse-definition';
export type { LoadedDefinition, ParseResult, ParseDefinitionOptions } from './lib/parse/loaded-definition';
export { formatProblem, type DefinitionProblem } from './lib/parse/definition-problem';
export { UNSET_PLACEHOLDER, type UnsetVariables } from './lib/parse/env-substitution';
export {
  compileRule,
  RuleCompileError,
  type CompiledRule,
  type CompiledExpression,
  type CompileRuleOptions,
} from './lib/rule/compile-rule';
export { evaluateRule, type RuleInput, type RuleOutcome, type RuleCheck } from './lib/rule/evaluate-rule';
export { compileCron, CronCompileError, type CompiledCron, type CronSpec } from './lib/cron/compile-cron';
export { matchesEvent, type EventLike } from './lib/event/matches-event';
export { renderTemplate } from './lib/template/render-template';
export { TemplateError } from './lib/template/template-error';
export { DefinitionDirectory } from './lib/directory/definition-directory';
export type {
  DefinitionStatus,
  DefinitionState,
  DefinitionLogger,
  DefinitionDirectoryOptions,
} from './lib/directory/definition-status';
export { lintDefinitions, type LintReport, type LintOptions, type LintedFile } from './lib/lint/lint-definitions';
export { dryRun, type DryRunOptions, type DryRunReport, type RuleReport } from './lib/dry-run/dry-run';
export { formatDryRun } from './lib/dry-run/format-dry-run';
export { loadTarget, type LoadedTarget, type LoadTargetOptions } from './lib/dry-run/load-target';
export { DefinitionTargetError } from './lib/dry-run/target-error';
export type { TriggerReport, CronSlot, FilterCheck } from './lib/dry-run/trigger-check';
export { fetchContext, fetchContextSource, describeFetchError } from './lib/context/fetch-context';
export { withTimeout } from './lib/context/with-timeout';
