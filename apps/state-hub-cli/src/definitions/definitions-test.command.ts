// `definitions test <file|id>`: a dry run of one definition on a sample event
// (file or stdin), the engine's steps in order; nothing is executed.
// Exit 0: it would run; 1: it would not; 2: bad usage (no such file or id, bad event).
import { DefinitionTargetError, dryRun, formatDryRun, loadTarget } from '@state-hub/activity-definitions';
import { EXIT, type ExitCode, UsageError } from '../cli/cli-errors';
import type { Printer } from '../cli/printer';
import type { DefinitionsEnv } from '../config/cli-env';
import { readSampleEvent } from './event-input';

export interface TestDefinitionFlags {
  event?: string;
  dir?: string;
  now?: string;
  fetchContext: boolean;
  json: boolean;
}

function parseNow(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const now = new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(now.getTime())) {
    throw new UsageError(`--now must be an ISO 8601 timestamp such as 2025-01-31T09:00:00Z (got "${text}")`);
  }
  return now;
}

async function load(target: string, flags: TestDefinitionFlags, env: DefinitionsEnv) {
  try {
    return await loadTarget(target, { dir: flags.dir ?? env.dir, env: env.variables, cwd: env.cwd });
  } catch (error) {
    throw error instanceof DefinitionTargetError ? new UsageError(error.message) : error;
  }
}

export async function testDefinition(
  target: string,
  flags: TestDefinitionFlags,
  env: DefinitionsEnv,
  io: { stdin?: NodeJS.ReadableStream },
  out: Printer,
): Promise<ExitCode> {
  const now = parseNow(flags.now);
  const event =
    flags.event === undefined
      ? undefined
      : await readSampleEvent(flags.event, { cwd: env.cwd, stdin: io.stdin, hint: (l) => out.note(l) });
  const loaded = await load(target, flags, env);
  if (loaded.loaded?.definition.trigger.trigger_type === 'event' && event === undefined) {
    throw new UsageError(
      `${loaded.loaded.id} has an event trigger: give a sample envelope with --event sample.json (or --event - for stdin)`,
    );
  }
  const report = await dryRun(loaded, { event, now, fetchContext: flags.fetchContext });
  if (flags.json) out.json(report);
  else {
    const lines = formatDryRun(report);
    const verdict = lines.pop() ?? '';
    for (const line of lines) out.line(line);
    out.line(out.paint(report.would_run ? 'green' : 'red', verdict));
  }
  return report.would_run ? EXIT.ok : EXIT.failed;
}
