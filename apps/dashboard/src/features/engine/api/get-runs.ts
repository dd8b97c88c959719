// The run history (by definition and status), live.
import { call, type RunStatus } from '@state-hub/engine-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';
import { LIVE_INTERVAL_MS } from '../../../lib/query-client';

export const RUNS_KEY = ['engine', 'runs'] as const;

export function useRuns(filter: { definition?: string; status?: RunStatus }) {
  const { engine } = useApiClients();
  return useQuery({
    queryKey: [...RUNS_KEY, filter],
    queryFn: () => call(engine.GET('/runs', { params: { query: { ...filter, limit: 100 } } })),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}
