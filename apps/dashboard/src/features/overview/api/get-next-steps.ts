// The next steps across active repos, filtered by domain and repo.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useNextSteps(filter: { domain?: string; repo?: string }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'next-steps', filter],
    queryFn: () => call(hub.GET('/next-steps', { params: { query: { ...filter, limit: 20 } } })),
  });
}
