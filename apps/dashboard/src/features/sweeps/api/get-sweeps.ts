// The recorded sweeps, newest first, optionally of one source.
import { call, type HubPaths } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export type SweepSource = NonNullable<HubPaths['/consistency/sweeps']['get']['parameters']['query']>['source'];

export function useSweeps(filter: { source?: SweepSource; since: string }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'sweeps', filter],
    queryFn: () => call(hub.GET('/consistency/sweeps', { params: { query: { ...filter, limit: 100 } } })),
  });
}
