// The `shell` instruction. Run data reaches the command only through its
// environment (DESIGN §5): the command string is passed to /bin/sh unchanged.
// The process gets its own process group, so a timeout kills the whole tree.
import { spawn } from 'node:child_process';
import { renderTemplate, type ShellInstruction } from '@state-hub/activity-definitions';
import type { InstructionInput, InstructionOutcome } from './instruction-outcome';
import { OutputTail } from './output-tail';

export interface ShellSettings {
  outputLimitBytes: number;
  /** PATH for the command; nothing else of the engine's environment is passed on. */
  path: string;
}

export function shellEnvironment(
  instruction: ShellInstruction,
  input: InstructionInput,
  settings: ShellSettings,
): Record<string, string> {
  const extra = renderTemplate(instruction.env ?? {}, input.data) as Record<string, unknown>;
  const env: Record<string, string> = { PATH: settings.path };
  for (const [name, value] of Object.entries(extra))
    env[name] = typeof value === 'string' ? value : JSON.stringify(value);
  env['ACTIVITY_EVENT_JSON'] = JSON.stringify(input.data['event'] ?? null);
  env['ACTIVITY_RUN_ID'] = input.runId;
  env['IDEMPOTENCY_KEY'] = input.runId;
  return env;
}

export function runShellInstruction(
  instruction: ShellInstruction,
  input: InstructionInput,
  settings: ShellSettings,
): Promise<InstructionOutcome> {
  const env = shellEnvironment(instruction, input, settings);
  const stdout = new OutputTail(settings.outputLimitBytes);
  const stderr = new OutputTail(settings.outputLimitBytes);
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', instruction.cmd], {
      cwd: instruction.cwd,
      env,
      detached: true, // own process group: kill(-pid) reaches grandchildren too
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, instruction.timeout_seconds * 1000);
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    const done = (outcome: InstructionOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    child.once('error', (error) =>
      done({
        ok: false,
        result: { stdout_tail: stdout.text(), stderr_tail: stderr.text() },
        error: `spawning /bin/sh failed: ${error.message}`,
      }),
    );
    child.once('close', (code, signal) => {
      const result = { exit_code: code, signal, stdout_tail: stdout.text(), stderr_tail: stderr.text() };
      if (timedOut)
        done({
          ok: false,
          timedOut,
          result,
          error: `timed out after ${instruction.timeout_seconds}s; process group killed`,
        });
      else if (code === 0) done({ ok: true, result });
      else done({ ok: false, result, error: `command exited with ${code ?? `signal ${signal}`}` });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    // ESRCH: the group is already gone, which is what we wanted.
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
