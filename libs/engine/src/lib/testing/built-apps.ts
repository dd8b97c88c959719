// The built apps as child processes (from libs/testing), plus what the engine's
// whole-path specs read from a built engine over HTTP.
import type { BuiltApp } from '@state-hub/testing';
import type { RunBody } from './engine-fixture';

export {
  type BuiltApp,
  CLI_MAIN,
  requireBuilt,
  STALE_CLEANUP_MAIN,
  startBuiltEngine,
  startBuiltHub,
  WORKSPACE_ROOT,
} from '@state-hub/testing';

/** The engine's run history for one definition (GET /runs), newest first. */
export async function runsOf(engine: BuiltApp, definition?: string): Promise<RunBody[]> {
  const query = definition ? `?definition=${encodeURIComponent(definition)}` : '';
  return (await engine.json<{ items: RunBody[] }>('GET', `/runs${query}`)).items;
}

/** A counter's value from the engine's GET /metrics (0 when it is not there yet). */
export async function metricValue(engine: BuiltApp, name: string): Promise<number> {
  const res = await fetch(`${engine.url}/metrics`, { signal: AbortSignal.timeout(5000) });
  const line = (await res.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}
