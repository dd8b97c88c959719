// Whether any repo is registered: none means the first-run page.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useRepoCount() {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'repos', 'count'],
    queryFn: async () => (await call(hub.GET('/repos', { params: { query: { limit: 1 } } }))).total,
  });
}
