// The engine's definitions: state, errors (path:line:col), trigger.
import { call } from '@state-hub/engine-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';

export function useDefinitions() {
  const { engine } = useApiClients();
  return useQuery({ queryKey: ['engine', 'definitions'], queryFn: () => call(engine.GET('/definitions')) });
}
