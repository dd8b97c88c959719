// The parallel-run comparison per source over a window.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useSweepComparison(since: string) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'sweeps', 'compare', since],
    queryFn: () => call(hub.GET('/consistency/sweeps/compare', { params: { query: { since } } })),
  });
}
