// The providers (token, API clients, TanStack Query) around the router.
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { ApiClientsProvider } from '../lib/api-clients';
import { createQueryClient } from '../lib/query-client';
import { TokenProvider, useToken } from '../lib/token-context';
import { createRouter } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <TokenProvider>
      <ApiClientsProvider>
        <QueryClientProvider client={queryClient}>
          <RefetchWhenTokenChanges />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </ApiClientsProvider>
    </TokenProvider>
  );
}

/** A new token may open what a 401 closed (reads with API_READS_REQUIRE_TOKEN): everything is fetched again. */
function RefetchWhenTokenChanges() {
  const { token } = useToken();
  const queryClient = useQueryClient();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void queryClient.invalidateQueries();
  }, [token, queryClient]);
  return null;
}
