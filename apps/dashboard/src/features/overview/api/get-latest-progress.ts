// The latest progress events, newest first.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useLatestProgress(filter: { repo?: string }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'progress-events', 'latest', filter],
    queryFn: () => call(hub.GET('/progress-events', { params: { query: { ...filter, limit: 10 } } })),
  });
}
