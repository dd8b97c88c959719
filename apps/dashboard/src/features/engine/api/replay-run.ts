// Replaying a run under a new trigger key (a write); the answer is the new run.
import { call } from '@state-hub/engine-client';
import { useApiClients } from '../../../lib/api-clients';
import { useWrite } from '../../../lib/use-write';
import { RUNS_KEY } from './get-runs';

export function useReplayRun() {
  const { engine } = useApiClients();
  return useWrite(
    (id: string) => call(engine.POST('/runs/{id}/replay', { params: { path: { id } } })),
    [[...RUNS_KEY]],
  );
}
