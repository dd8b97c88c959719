// Every registered repo (status and domain filters from the URL).
import { call, type RepoStatus } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useRepos(filter: { status?: RepoStatus; domain?: string }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'repos', filter],
    queryFn: () => call(hub.GET('/repos', { params: { query: { ...filter, limit: 200 } } })),
  });
}
