// The hub's token as the person entered it, kept for this tab only (sessionStorage).
const KEY = 'state-hub.token';

export function readToken(storage: Storage = sessionStorage): string | undefined {
  return storage.getItem(KEY) || undefined;
}

export function writeToken(token: string | undefined, storage: Storage = sessionStorage): void {
  if (token) storage.setItem(KEY, token);
  else storage.removeItem(KEY);
}
