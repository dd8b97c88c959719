// The hub's health (database, engine in this process, delivery, NATS, backlog), live.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';
import { LIVE_INTERVAL_MS } from '../../../lib/query-client';

export function useHealth() {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'health'],
    // A degraded hub answers 503 with the same body: that is an answer to show.
    queryFn: () => call(hub.GET('/state/health'), { answerStatuses: [503] }),
    refetchInterval: LIVE_INTERVAL_MS,
  });
}
