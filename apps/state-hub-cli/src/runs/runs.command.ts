// `runs replay <id>`: the engine runs the run's definition again for the same
// trigger (POST /runs/:id/replay); with --wait, until the replay has finished.
import type { EngineSchemas } from '@state-hub/engine-client';
import { EXIT, type ExitCode, UsageError } from '../cli/cli-errors';
import type { EngineEnv } from '../config/cli-env';
import { askEngine, connectEngine } from '../engine/engine-connection';

type Run = EngineSchemas['RunView'];
type Out = NodeJS.WritableStream;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POLL_MS = 500;

export interface ReplayFlags {
  /** Seconds to wait for the replay to finish; undefined: do not wait. */
  wait?: number;
  json: boolean;
}

function describe(run: Run, of: string): string {
  const outcome = run.error ? `: ${run.error}` : run.skip_reason ? `: ${run.skip_reason}` : '';
  return `run ${run.id} replays ${of} (${run.definition_id}, trigger ${run.trigger_key}): ${run.status}${outcome}`;
}

export async function replayRun(id: string, flags: ReplayFlags, env: EngineEnv, out: Out): Promise<ExitCode> {
  if (!UUID.test(id)) throw new UsageError(`"${id}" is not a run id (a UUID)`);
  const engine = connectEngine(env);
  let run: Run = await askEngine(engine.POST('/runs/{id}/replay', { params: { path: { id } } }));
  if (flags.wait !== undefined) {
    const deadline = Date.now() + flags.wait * 1000;
    while (run.status === 'running' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      run = await askEngine(engine.GET('/runs/{id}', { params: { path: { id: run.id } } }));
    }
  }
  out.write(flags.json ? `${JSON.stringify(run, null, 2)}\n` : `${describe(run, id)}\n`);
  if (flags.wait === undefined) return EXIT.ok;
  return run.status === 'succeeded' || run.status === 'skipped' ? EXIT.ok : EXIT.failed;
}
