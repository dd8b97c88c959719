import type { LoadedDefinition } from '@state-hub/activity-definitions';

/** One attempt of an instruction. `timedOut` marks a failure by timeout (status timed_out). */
export interface InstructionOutcome {
  ok: boolean;
  timedOut?: boolean;
  /** Retrying cannot change this failure (an event the catalog refuses): no further attempt. */
  final?: boolean;
  result: Record<string, unknown>;
  error?: string;
}

/** What every instruction runner gets: the template data and the run's identity. */
export interface InstructionInput {
  definition: LoadedDefinition;
  runId: string;
  /** `{ event, run: { id }, ...bindings }` for renderTemplate. */
  data: Record<string, unknown>;
}
