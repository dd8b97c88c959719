// The token for writes: entered once in the token dialog, kept in sessionStorage,
// sent as `Authorization: Bearer`. A 401 opens the dialog with the hub's reason.
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import { readToken, writeToken } from './token-store';

export interface TokenState {
  token: string | undefined;
  setToken(token: string | undefined): void;
  /** Why the dialog is open (the hub's 401 message), or undefined when closed. */
  request: TokenRequest | undefined;
  askForToken(reason: string): void;
  closeDialog(): void;
}

export interface TokenRequest {
  reason: string;
}

const TokenContext = createContext<TokenState | undefined>(undefined);

export function TokenProvider({ children }: { children: ReactNode }) {
  const [token, setTokenState] = useState(() => readToken());
  const [request, setRequest] = useState<TokenRequest | undefined>();
  const setToken = useCallback((next: string | undefined) => {
    writeToken(next);
    setTokenState(next);
  }, []);
  const askForToken = useCallback((reason: string) => setRequest({ reason }), []);
  const closeDialog = useCallback(() => setRequest(undefined), []);
  const value = useMemo(
    () => ({ token, setToken, request, askForToken, closeDialog }),
    [token, setToken, request, askForToken, closeDialog],
  );
  return <TokenContext.Provider value={value}>{children}</TokenContext.Provider>;
}

export function useToken(): TokenState {
  const state = useContext(TokenContext);
  if (!state) throw new Error('useToken() outside TokenProvider');
  return state;
}
