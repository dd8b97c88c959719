// The dashboard's static files at /ui/ (any other /ui/ path answers its
// index.html: the page routes itself), and a browser opening / lands on /ui/.
// Plain express middleware, outside the token guard: the files hold no data,
// and the page must load to ask for the token.
import { Logger } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { join } from 'node:path';
import { DASHBOARD_INDEX, dashboardDirCandidates, findDashboardDir } from './dashboard-dir';

export const DASHBOARD_PATH = '/ui';

export function serveDashboard(app: NestExpressApplication, configuredDir: string | undefined): void {
  const dir = findDashboardDir(configuredDir);
  const http = app.getHttpAdapter().getInstance();
  http.get('/', (_req: Request, res: Response) => res.redirect(302, `${DASHBOARD_PATH}/`));
  if (!dir) {
    const looked = dashboardDirCandidates(configuredDir).join(', ') || '(no candidate)';
    new Logger('Dashboard').warn(`no built dashboard in ${looked}: /ui/ answers 404 (run \`npx nx build dashboard\`)`);
    http.use(DASHBOARD_PATH, (_req: Request, res: Response) =>
      res.status(404).json({
        status_code: 404,
        error: 'not_found',
        message: `the dashboard is not built: run \`npx nx build dashboard\`, or set DASHBOARD_DIR (looked in ${looked})`,
      }),
    );
    return;
  }
  // Hashed asset names never change content: cache them; index.html always revalidates.
  app.useStaticAssets(dir, {
    prefix: `${DASHBOARD_PATH}/`,
    index: DASHBOARD_INDEX,
    setHeaders: (res, path) =>
      res.setHeader('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  const index = join(dir, DASHBOARD_INDEX);
  http.get(`${DASHBOARD_PATH}{/*path}`, (req: Request, res: Response, next: NextFunction) => {
    // A missing asset is a 404, not the page (a stale tab asking for an old bundle).
    if (req.path.startsWith(`${DASHBOARD_PATH}/assets/`)) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
