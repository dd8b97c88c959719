// Decisions, open or resolved, newest first.
import { call, type DecisionStatus } from '@state-hub/hub-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export const DECISIONS_KEY = ['hub', 'decisions'] as const;

export function useDecisions(filter: { status?: DecisionStatus; domain?: string }) {
  const { hub } = useApiClients();
  return useQuery({
    queryKey: [...DECISIONS_KEY, filter],
    queryFn: () => call(hub.GET('/decisions', { params: { query: { ...filter, limit: 200 } } })),
  });
}
