// Redriving the selected dead letters (a write); the answer says what became of each.
import { call } from '@state-hub/engine-client';
import { useApiClients } from '../../../lib/api-clients';
import { useWrite } from '../../../lib/use-write';
import { DEAD_LETTERS_KEY } from './get-dead-letters';
import { RUNS_KEY } from './get-runs';

export function useRedrive() {
  const { engine } = useApiClients();
  return useWrite(
    (ids: string[]) => call(engine.POST('/dead-letters/redrive', { body: { ids, redriven_by: 'dashboard' } })),
    [[...DEAD_LETTERS_KEY], [...RUNS_KEY]],
  );
}
