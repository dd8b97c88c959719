// The outbox: events waiting, the age of the oldest, the last publish failure; live.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';
import { LIVE_INTERVAL_MS } from '../../../lib/query-client';

export function useOutbox() {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'outbox'],
    queryFn: () => call(hub.GET('/events/outbox')),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}
