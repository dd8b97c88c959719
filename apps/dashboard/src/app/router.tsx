// Every page has its own URL under /ui/ (filters in the search params).
import { createBrowserRouter } from 'react-router-dom';
import { DecisionsPage } from '../features/decisions/decisions-page';
import { DeadLettersPage } from '../features/engine/dead-letters-page';
import { DefinitionsPage } from '../features/engine/definitions-page';
import { RunPage } from '../features/engine/run-page';
import { RunsPage } from '../features/engine/runs-page';
import { OverviewPage } from '../features/overview/overview-page';
import { RepoPage } from '../features/repos/repo-page';
import { ReposPage } from '../features/repos/repos-page';
import { SweepsPage } from '../features/sweeps/sweeps-page';
import { WorkstreamPage } from '../features/workstreams/workstream-page';
import { WorkstreamsPage } from '../features/workstreams/workstreams-page';
import { CrashPage } from './crash-page';
import { Layout } from './layout';
import { NotFoundPage } from './not-found-page';

export const BASENAME = '/ui';

export function createRouter() {
  return createBrowserRouter(
    [
      {
        element: <Layout />,
        errorElement: <CrashPage />,
        children: [
          { index: true, element: <OverviewPage /> },
          { path: 'repos', element: <ReposPage /> },
          { path: 'repos/:slug', element: <RepoPage /> },
          { path: 'workstreams', element: <WorkstreamsPage /> },
          { path: 'workstreams/:id', element: <WorkstreamPage /> },
          { path: 'decisions', element: <DecisionsPage /> },
          { path: 'engine/definitions', element: <DefinitionsPage /> },
          { path: 'engine/runs', element: <RunsPage /> },
          { path: 'engine/runs/:id', element: <RunPage /> },
          { path: 'engine/dead-letters', element: <DeadLettersPage /> },
          { path: 'sweeps', element: <SweepsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename: BASENAME },
  );
}
