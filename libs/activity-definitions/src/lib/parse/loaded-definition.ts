// What the loader hands the engine: the validated definition plus everything
// compiled from it, so nothing is parsed again per run.
import type { CompiledCron } from '../cron/compile-cron';
import type { CompiledRule } from '../rule/compile-rule';
import type { ActivityDefinition } from '../schema/activity-definition-schema';
import type { DefinitionProblem } from './definition-problem';
import type { UnsetVariables } from './env-substitution';

export interface LoadedDefinition {
  id: string;
  sourcePath: string;
  /** sha256 (hex) of the raw file text. */
  contentHash: string;
  enabled: boolean;
  /** After ${VAR} substitution and defaults; deeply frozen. */
  definition: ActivityDefinition;
  /** Always present; a definition without a rule has an empty one, which passes. */
  rule: CompiledRule;
  /** Present for cron triggers. */
  cron?: CompiledCron;
}

export type ParseResult =
  | { ok: true; definition: LoadedDefinition; warnings: DefinitionProblem[] }
  | { ok: false; problems: DefinitionProblem[]; warnings: DefinitionProblem[] };

export interface ParseDefinitionOptions {
  /** Reported in every problem; also LoadedDefinition.sourcePath. */
  path: string;
  env: Record<string, string | undefined>;
  /** 'error' (default) for the engine; 'placeholder' for linting, where unset variables are only warnings. */
  unsetVariables?: UnsetVariables;
}
