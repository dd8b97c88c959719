import type { DefinitionProblem } from '../parse/definition-problem';
import type { UnsetVariables } from '../parse/env-substitution';
import type { LoadedDefinition } from '../parse/loaded-definition';

export type DefinitionState = 'loaded' | 'invalid' | 'disabled';

/** One file in the definitions directory, as of the last reload. */
export interface DefinitionStatus {
  sourcePath: string;
  id?: string;
  /** loaded: current content runs; disabled: current content is valid with enabled: false; invalid: see errors. */
  state: DefinitionState;
  errors: DefinitionProblem[];
  /** Things worth a look that do not stop the file from loading. */
  warnings: DefinitionProblem[];
  /** Of the file's current content. */
  contentHash?: string;
  /** What runs for this file: the current content, or for an invalid file its last good version. */
  active?: LoadedDefinition;
}

/** Nest's Logger and console both fit. */
export interface DefinitionLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface DefinitionDirectoryOptions {
  env: Record<string, string | undefined>;
  logger?: DefinitionLogger;
  /** Reload on file changes (fs.watch). Default false. */
  watch?: boolean;
  /** Quiet period after the last file event before reloading. Default 200 ms. */
  debounceMs?: number;
  /** Default 'error'; the lint CLI uses 'placeholder'. */
  unsetVariables?: UnsetVariables;
}
