// The frame of every page: skip link, header with navigation, the page, the token dialog.
import { NavLink, Outlet } from 'react-router-dom';
import { TokenDialog } from '../components/token-dialog';
import { useToken } from '../lib/token-context';

const LINKS: [string, string][] = [
  ['/', 'Overview'],
  ['/repos', 'Repos'],
  ['/workstreams', 'Workstreams'],
  ['/decisions', 'Decisions'],
  ['/engine/definitions', 'Definitions'],
  ['/engine/runs', 'Runs'],
  ['/engine/dead-letters', 'Dead letters'],
  ['/sweeps', 'Sweeps'],
];

export function Layout() {
  const { token, askForToken } = useToken();
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">State Hub</span>
        <nav aria-label="Dashboard">
          <ul>
            {LINKS.map(([to, label]) => (
              <li key={to}>
                <NavLink to={to} end={to === '/'}>
                  {label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <button type="button" className="token-button" onClick={() => askForToken('Enter the token for writes.')}>
          {token ? 'Token set' : 'Set token'}
        </button>
      </header>
      <main id="main">
        <Outlet />
      </main>
      <TokenDialog />
    </>
  );
}
