// `dead-letters list | show | redrive`: the engine's dead letters (the stream with
// JetStream, the table without NATS) through its HTTP side, at ENGINE_URL.
import { userInfo } from 'node:os';
import { EXIT, type ExitCode, UsageError } from '../cli/cli-errors';
import { timeWindow } from '../compare/time-window';
import type { EngineEnv } from '../config/cli-env';
import { askEngine, connectEngine } from '../engine/engine-connection';
import type { Printer } from '../cli/printer';
import { printLetter, printLetterPage, printRedrive } from './dead-letters-table';

export interface DeadLetterFilterFlags {
  subject?: string;
  reason?: string;
  /** A duration back from now (7d, 24h) or an ISO timestamp. */
  since?: string;
  limit?: number;
}

export interface RedriveFlags extends DeadLetterFilterFlags {
  all: boolean;
  dryRun: boolean;
  by?: string;
  json: boolean;
}

/** A table uuid (without NATS) or a dead-letter stream sequence (JetStream); the engine says which it takes. */
const LETTER_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[1-9][0-9]{0,15})$/i;

function checkIds(ids: string[]): string[] {
  const bad = ids.find((id) => !LETTER_ID.test(id));
  if (bad !== undefined) {
    throw new UsageError(`"${bad}" is not a dead-letter id (a UUID, or a stream sequence such as 42)`);
  }
  return ids;
}

function filterOf(flags: DeadLetterFilterFlags) {
  return {
    ...(flags.subject && { subject: flags.subject }),
    ...(flags.reason && { reason: flags.reason }),
    ...(flags.since && { since: timeWindow(flags.since, undefined).since.toISOString() }),
  };
}

export async function listDeadLetters(
  flags: DeadLetterFilterFlags & { json: boolean },
  env: EngineEnv,
  out: Printer,
): Promise<ExitCode> {
  const query = { ...filterOf(flags), limit: flags.limit ?? 50 };
  const page = await askEngine(connectEngine(env).GET('/dead-letters', { params: { query } }));
  if (flags.json) out.json(page);
  else printLetterPage(page, out);
  return EXIT.ok;
}

export async function showDeadLetter(
  id: string,
  flags: { json: boolean },
  env: EngineEnv,
  out: Printer,
): Promise<ExitCode> {
  checkIds([id]);
  const letter = await askEngine(connectEngine(env).GET('/dead-letters/{id}', { params: { path: { id } } }));
  if (flags.json) out.json(letter);
  else printLetter(letter, out);
  return EXIT.ok;
}

/** Who the redrive log names when --by is not given: this user at the CLI. */
function defaultRedriver(): string {
  try {
    return `${userInfo().username}@state-hub-cli`;
  } catch {
    return 'state-hub-cli'; // no passwd entry for this uid (some containers)
  }
}

export async function redriveDeadLetters(
  ids: string[],
  flags: RedriveFlags,
  env: EngineEnv,
  out: Printer,
): Promise<ExitCode> {
  const filtered = flags.subject !== undefined || flags.reason !== undefined || flags.since !== undefined;
  if (ids.length > 0 && (filtered || flags.all)) {
    throw new UsageError('give letter ids or a filter (--subject, --reason, --since, --all), not both');
  }
  if (ids.length === 0 && !filtered && !flags.all) {
    throw new UsageError('give letter ids, a filter (--subject, --reason, --since), or --all for every letter');
  }
  const which = ids.length > 0 ? { ids: checkIds(ids) } : { filter: { ...filterOf(flags), limit: flags.limit ?? 100 } };
  const body = { ...which, dry_run: flags.dryRun, redriven_by: flags.by ?? defaultRedriver() };
  const result = await askEngine(connectEngine(env).POST('/dead-letters/redrive', { body, timeoutMs: 120_000 }));
  if (flags.json) out.json(result);
  else printRedrive(result, out);
  return result.counts.failed + result.counts.not_found > 0 ? EXIT.failed : EXIT.ok;
}
