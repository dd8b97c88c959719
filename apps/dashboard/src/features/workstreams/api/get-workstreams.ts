// Workstreams filtered by domain, repo and status.
import { call, type WorkstreamStatus } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useWorkstreams(filter: { domain?: string; repo?: string; status?: WorkstreamStatus }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'workstreams', filter],
    queryFn: () => call(hub.GET('/workstreams', { params: { query: { ...filter, limit: 200 } } })),
  });
}
