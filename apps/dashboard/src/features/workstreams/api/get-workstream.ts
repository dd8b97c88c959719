// One workstream with its tasks, and the decisions and progress events that belong to it.
import { call } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useWorkstream(id: string) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'workstream', id],
    queryFn: () => call(hub.GET('/workstreams/{id}', { params: { path: { id } } })),
  });
}

export function useWorkstreamProgress(id: string) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'workstream', id, 'progress-events'],
    queryFn: () => call(hub.GET('/progress-events', { params: { query: { workstream_id: id, limit: 50 } } })),
  });
}

/** GET /decisions has no workstream filter: the domain's decisions, narrowed to this workstream here. */
export function useWorkstreamDecisions(id: string, domain: string | undefined) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: ['hub', 'workstream', id, 'decisions', domain],
    enabled: domain !== undefined,
    queryFn: async () => {
      const page = await call(hub.GET('/decisions', { params: { query: { domain, limit: 200 } } }));
      return page.items.filter((decision) => decision.workstream_id === id);
    },
  });
}
