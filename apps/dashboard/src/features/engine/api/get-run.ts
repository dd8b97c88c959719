// One run with its replays; refreshed while it is still running.
import { call } from '@state-hub/engine-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';
import { LIVE_INTERVAL_MS } from '../../../lib/query-client';
import { RUNS_KEY } from './get-runs';

export function useRun(id: string) {
  const { engine } = useApiClients();
  return useQuery({
    queryKey: [...RUNS_KEY, 'one', id],
    queryFn: () => call(engine.GET('/runs/{id}', { params: { path: { id } } })),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}
