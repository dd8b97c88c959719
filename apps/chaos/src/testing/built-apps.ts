// The built apps as child processes (from libs/testing), with the chaos suite's
// engine settings: a replica name in the run history, and runs past their
// deadline swept every 500 ms.
import { type BuiltApp, startBuiltEngine as startEngine } from '@state-hub/testing';

export { type BuiltApp, startBuiltHub, WORKSPACE_ROOT } from '@state-hub/testing';

export function startBuiltEngine(options: {
  databaseUrl: string;
  natsUrl: string;
  definitionsDir: string;
  replica: string;
  env?: Record<string, string>;
}): Promise<BuiltApp> {
  return startEngine({
    ...options,
    env: { REPLICA_ID: options.replica, RUN_SWEEP_INTERVAL_MS: '500', ...options.env },
  });
}
