// TanStack Query's client: a refused request (4xx) is an answer, not a blip, so
// only network failures and 5xx are retried, once.
import { ApiError } from '@state-hub/hub-client';
import { QueryClient } from '@tanstack/react-query';

/** How often live data (health, runs, dead letters) refreshes by itself. */
export const LIVE_INTERVAL_MS = 5_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 2_000,
        retry: (failures, error) => failures < 1 && !(error instanceof ApiError && error.kind === 'rejected'),
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
