// What the engine gave up on, live.
import { call } from '@state-hub/engine-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';
import { LIVE_INTERVAL_MS } from '../../../lib/query-client';

export const DEAD_LETTERS_KEY = ['engine', 'dead-letters'] as const;

export function useDeadLetters() {
  const { engine } = useApiClients();
  return useQuery({
    queryKey: [...DEAD_LETTERS_KEY],
    queryFn: () => call(engine.GET('/dead-letters', { params: { query: { limit: 200 } } })),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}
