// Resolving a decision (a write: needs the token when the hub has one).
import { call, type HubSchemas } from '@state-hub/hub-client';
import { useApiClients } from '../../../lib/api-clients';
import { useWrite } from '../../../lib/use-write';
import { DECISIONS_KEY } from './get-decisions';

export interface ResolveInput {
  id: string;
  body: HubSchemas['ResolveDecisionDto'];
}

export function useResolveDecision() {
  const { hub } = useApiClients();
  return useWrite(
    ({ id, body }: ResolveInput) => call(hub.POST('/decisions/{id}/resolve', { params: { path: { id } }, body })),
    [[...DECISIONS_KEY]],
  );
}
