// The engine's own health (through /engine/: in this process, or forwarded to ENGINE_URL), live.
import { ApiError, call, type EngineSchemas } from '@state-hub/engine-client';
import { useQuery } from '@tanstack/react-query';
import { useApiClients } from '../../../lib/api-clients';
import { LIVE_INTERVAL_MS } from '../../../lib/query-client';

type EngineHealth = EngineSchemas['EngineHealthView'];

export function useEngineHealth() {
  const { engine } = useApiClients();
  return useQuery({
    queryKey: ['engine', 'health'],
    queryFn: async (): Promise<EngineHealth> => {
      // A degraded engine answers 503 with its health; a hub without an engine answers 503 with an error body.
      const answer: unknown = await call(engine.GET('/health'), { answerStatuses: [503] });
      if (isEngineHealth(answer)) return answer;
      const message = readMessage(answer) ?? 'the engine answered 503 without its health';
      throw new ApiError({
        kind: 'failed',
        status: 503,
        message,
        serverMessage: message,
        method: 'GET',
        path: '/health',
        baseUrl: `${window.location.origin}/engine`,
      });
    },
    refetchInterval: LIVE_INTERVAL_MS,
  });
}

function isEngineHealth(answer: unknown): answer is EngineHealth {
  return typeof answer === 'object' && answer !== null && 'definitions' in answer && 'status' in answer;
}

function readMessage(answer: unknown): string | undefined {
  const message = typeof answer === 'object' && answer !== null ? (answer as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : undefined;
}
