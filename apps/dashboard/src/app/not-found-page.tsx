// An address the dashboard does not know.
import { Link } from 'react-router-dom';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        The dashboard has no page at this address. Start from the <Link to="/">overview</Link>.
      </p>
    </>
  );
}
