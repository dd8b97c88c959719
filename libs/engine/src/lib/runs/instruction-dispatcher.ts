// One attempt of whichever instruction kind a definition has, plus the bounded
// retry of `on_failure: retry` (with the definition's backoff between attempts).
import { DEFAULT_RETRY, type Instruction } from '@state-hub/activity-definitions';
import type { EventPublisher } from '../nats/event-publisher.service';
import { runHttpInstruction } from './instructions/http-instruction.runner';
import type { InstructionInput, InstructionOutcome } from './instructions/instruction-outcome';
import { runPublishInstruction } from './instructions/publish-instruction.runner';
import { runShellInstruction, type ShellSettings } from './instructions/shell-instruction.runner';

export interface DispatchDeps {
  publisher: EventPublisher;
  shell: ShellSettings;
}

function attemptOnce(
  instruction: Instruction,
  input: InstructionInput,
  deps: DispatchDeps,
): Promise<InstructionOutcome> {
  switch (instruction.kind) {
    case 'http':
      return runHttpInstruction(instruction, input);
    case 'shell':
      return runShellInstruction(instruction, input, deps.shell);
    case 'publish':
      return runPublishInstruction(instruction, input, deps.publisher);
  }
}

export function maxAttempts(instruction: Instruction): number {
  return instruction.on_failure === 'retry' ? (instruction.retry?.max_attempts ?? DEFAULT_RETRY.max_attempts) : 1;
}

export function backoffMs(instruction: Instruction): number {
  return (instruction.retry?.backoff_seconds ?? DEFAULT_RETRY.backoff_seconds) * 1000;
}

/** Upper bound of one attempt, for the run's deadline. */
export function attemptTimeoutMs(instruction: Instruction): number {
  return instruction.kind === 'publish' ? 10_000 : instruction.timeout_seconds * 1000;
}

export async function dispatchInstruction(
  instruction: Instruction,
  input: InstructionInput,
  deps: DispatchDeps,
): Promise<InstructionOutcome & { attempts: number }> {
  const attempts = maxAttempts(instruction);
  let outcome: InstructionOutcome = { ok: false, result: {}, error: 'not attempted' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await new Promise((resolve) => setTimeout(resolve, backoffMs(instruction)));
    outcome = await attemptOnce(instruction, input, deps);
    if (outcome.ok || outcome.final) return { ...outcome, attempts: attempt };
  }
  return { ...outcome, attempts };
}
