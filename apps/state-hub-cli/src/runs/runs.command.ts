// `runs list | show | replay`: the engine's run history (GET /runs, /runs/:id)
// and a replay of one run (POST /runs/:id/replay; with --wait, until it finished).
import type { EngineSchemas, RunStatus } from '@state-hub/engine-client';
import { EXIT, type ExitCode, UsageError } from '../cli/cli-errors';
import type { Printer } from '../cli/printer';
import { timeWindow } from '../compare/time-window';
import type { EngineEnv } from '../config/cli-env';
import { askEngine, connectEngine } from '../engine/engine-connection';
import { printRun, printRunPage } from './runs-table';

type Run = EngineSchemas['RunView'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POLL_MS = 500;

function runId(id: string): string {
  if (!UUID.test(id)) throw new UsageError(`"${id}" is not a run id (a UUID)`);
  return id;
}

export interface ListRunsFlags {
  definition?: string;
  status?: RunStatus;
  /** A duration back from now (7d, 24h) or an ISO timestamp. */
  since?: string;
  limit?: number;
  json: boolean;
}

export async function listRuns(flags: ListRunsFlags, env: EngineEnv, out: Printer): Promise<ExitCode> {
  const query = {
    ...(flags.definition && { definition: flags.definition }),
    ...(flags.status && { status: flags.status }),
    ...(flags.since && { since: timeWindow(flags.since, undefined).since.toISOString() }),
    limit: flags.limit ?? 50,
  };
  const page = await askEngine(connectEngine(env).GET('/runs', { params: { query } }));
  if (flags.json) out.json(page);
  else printRunPage(page, out);
  return EXIT.ok;
}

export async function showRun(id: string, flags: { json: boolean }, env: EngineEnv, out: Printer): Promise<ExitCode> {
  const run = await askEngine(connectEngine(env).GET('/runs/{id}', { params: { path: { id: runId(id) } } }));
  if (flags.json) out.json(run);
  else printRun(run, out);
  return EXIT.ok;
}

export interface ReplayFlags {
  /** Seconds to wait for the replay to finish; undefined: do not wait. */
  wait?: number;
  json: boolean;
}

function describe(run: Run, of: string): string {
  const outcome = run.error ? `: ${run.error}` : run.skip_reason ? `: ${run.skip_reason}` : '';
  return `run ${run.id} replays ${of} (${run.definition_id}, trigger ${run.trigger_key}): ${run.status}${outcome}`;
}

export async function replayRun(id: string, flags: ReplayFlags, env: EngineEnv, out: Printer): Promise<ExitCode> {
  const engine = connectEngine(env);
  let run: Run = await askEngine(engine.POST('/runs/{id}/replay', { params: { path: { id: runId(id) } } }));
  if (flags.wait !== undefined) {
    const deadline = Date.now() + flags.wait * 1000;
    while (run.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      run = await askEngine(engine.GET('/runs/{id}', { params: { path: { id: run.id } } }));
    }
  }
  if (flags.json) out.json(run);
  else out.line(describe(run, id));
  if (flags.wait === undefined) return EXIT.ok;
  return run.status === 'succeeded' || run.status === 'skipped' ? EXIT.ok : EXIT.failed;
}
