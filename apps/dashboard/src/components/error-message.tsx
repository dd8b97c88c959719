// An error as a person reads it (describeError), with a way to enter the token on a 401.
import { describeError } from '../lib/describe-error';
import { useToken } from '../lib/token-context';

export function ErrorMessage({ error }: { error: unknown }) {
  const { title, detail, needsToken } = describeError(error);
  const { askForToken } = useToken();
  return (
    <div className="error" role="alert">
      <strong>{title}</strong>
      <p>{detail}</p>
      {needsToken && (
        <button type="button" onClick={() => askForToken(detail)}>
          Enter token
        </button>
      )}
    </div>
  );
}
