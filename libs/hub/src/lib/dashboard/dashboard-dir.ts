// Where the built dashboard is: DASHBOARD_DIR, else beside the running app's
// main.js (`dashboard/` in the image, `../dashboard` in the workspace's dist/apps/).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const DASHBOARD_INDEX = 'index.html';

/** The candidates, in order; the first that holds an index.html wins. */
export function dashboardDirCandidates(configured: string | undefined, mainScript = process.argv[1]): string[] {
  if (configured) return [resolve(configured)];
  if (!mainScript) return [];
  const appDir = dirname(resolve(mainScript));
  return [join(appDir, 'dashboard'), join(appDir, '..', 'dashboard')];
}

/** The folder holding the built dashboard, or undefined when none of the candidates has one. */
export function findDashboardDir(configured: string | undefined, mainScript?: string): string | undefined {
  return dashboardDirCandidates(configured, mainScript).find((dir) => existsSync(join(dir, DASHBOARD_INDEX)));
}
