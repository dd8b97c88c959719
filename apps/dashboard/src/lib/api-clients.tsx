// The one configured pair of API clients (generated from the OpenAPI documents):
// the hub at this page's origin, the engine under /engine/ of the same origin,
// both sending the token entered last (read at each request, so a request made
// right after the token dialog closes already carries it).
import { createEngineClient, type EngineClient } from '@state-hub/engine-client';
import { createHubClient, type HubClient } from '@state-hub/hub-client';
import { createContext, type ReactNode, useContext, useMemo, useRef } from 'react';
import { useToken } from './token-context';

export interface ApiClients {
  hub: HubClient;
  engine: EngineClient;
}

const TIMEOUT_MS = 15_000;

export function createApiClients(origin: string, token: () => string | undefined): ApiClients {
  const bearer = {
    onRequest({ request }: { request: Request }) {
      const current = token();
      if (current) request.headers.set('authorization', `Bearer ${current}`);
      return request;
    },
  };
  const hub = createHubClient({ baseUrl: origin, timeoutMs: TIMEOUT_MS });
  const engine = createEngineClient({ baseUrl: `${origin}/engine`, timeoutMs: TIMEOUT_MS });
  hub.use(bearer);
  engine.use(bearer);
  return { hub, engine };
}

const ClientsContext = createContext<ApiClients | undefined>(undefined);

export function ApiClientsProvider({ children }: { children: ReactNode }) {
  const { token } = useToken();
  const current = useRef(token);
  current.current = token;
  const clients = useMemo(() => createApiClients(window.location.origin, () => current.current), []);
  return <ClientsContext.Provider value={clients}>{children}</ClientsContext.Provider>;
}

export function useApiClients(): ApiClients {
  const clients = useContext(ClientsContext);
  if (!clients) throw new Error('useApiClients() outside ApiClientsProvider');
  return clients;
}
