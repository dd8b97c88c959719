// A write (resolve, run, replay, redrive) as a TanStack mutation: a 401 opens the
// token dialog with the hub's reason; success refreshes the listed queries.
import { ApiError } from '@state-hub/hub-client';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { describeError } from './describe-error';
import { useToken } from './token-context';

export function useWrite<Input, Output>(write: (input: Input) => Promise<Output>, refresh: QueryKey[]) {
  const queryClient = useQueryClient();
  const { askForToken } = useToken();
  return useMutation({
    mutationFn: write,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 401) askForToken(describeError(error).detail);
    },
    onSuccess: () => Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
