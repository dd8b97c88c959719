// A page that broke while rendering: say so and how to go on, never a blank screen.
import { Link, useRouteError } from 'react-router-dom';
import { ErrorMessage } from '../components/error-message';

export function CrashPage() {
  const error = useRouteError();
  return (
    <main id="main">
      <h1>This page broke</h1>
      <ErrorMessage error={error} />
      <p>
        Reload the page, or go back to the <Link to="/">overview</Link>.
      </p>
    </main>
  );
}
