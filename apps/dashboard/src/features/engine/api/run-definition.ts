// Running a definition now (a write); the answer is the run, under way.
import { call } from '@state-hub/engine-client';
import { useApiClients } from '../../../lib/api-clients';
import { useWrite } from '../../../lib/use-write';
import { RUNS_KEY } from './get-runs';

export function useRunDefinition() {
  const { engine } = useApiClients();
  return useWrite(
    (id: string) => call(engine.POST('/definitions/{id}/run', { params: { path: { id } } })),
    [[...RUNS_KEY]],
  );
}
