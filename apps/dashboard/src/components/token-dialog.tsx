// The token dialog: opens when a write answers 401 (or from the header), keeps
// the token for this tab, and says plainly why it is asked for.
import { type FormEvent, useEffect, useId, useRef } from 'react';
import { useToken } from '../lib/token-context';

export function TokenDialog() {
  const { request, token, setToken, closeDialog } = useToken();
  const dialog = useRef<HTMLDialogElement>(null);
  const inputId = useId();
  const titleId = useId();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('token');
    setToken(typeof value === 'string' && value.trim() ? value.trim() : undefined);
    closeDialog();
  };

  return (
    <dialog ref={dialog} aria-labelledby={titleId} onClose={closeDialog} className="token-dialog">
      <form onSubmit={submit}>
        <h2 id={titleId}>The hub's token</h2>
        {request && <p role="alert">{request.reason}</p>}
        <p>
          Writes (resolve, run, replay, redrive) need <code>STATE_HUB_API_TOKEN</code> when the hub has one. It is kept
          in this tab only (sessionStorage) and sent as <code>Authorization: Bearer</code>.
        </p>
        <label htmlFor={inputId}>Token</label>
        <input
          id={inputId}
          name="token"
          type="password"
          autoComplete="off"
          defaultValue={token ?? ''}
          key={request?.reason}
        />
        <div className="actions">
          <button type="submit">Save token</button>
          <button type="button" onClick={closeDialog}>
            Cancel
          </button>
          {token && (
            <button
              type="button"
              onClick={() => {
                setToken(undefined);
                closeDialog();
              }}
            >
              Forget token
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
