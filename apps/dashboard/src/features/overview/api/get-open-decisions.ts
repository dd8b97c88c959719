// Decisions still open, for the overview.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useOpenDecisions(filter: { domain?: string; repo?: string }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'decisions', 'open', filter],
    queryFn: () => call(hub.GET('/decisions', { params: { query: { ...filter, status: 'open', limit: 10 } } })),
  });
}
