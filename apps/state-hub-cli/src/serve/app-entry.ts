// Which one-process app `serve` starts: the build (dist/apps/state-hub/main.js)
// while it is current (no workspace file it was made from changed: see
// cli/cli-entry.cjs), else the TypeScript source through @swc-node/register
// (slower to start, always current). Each choice comes with the line that tells
// the operator why.
import { join } from 'node:path';
import { staleness } from '../cli/cli-entry.cjs';

export const APP_BUILD = 'dist/apps/state-hub/main.js';
export const APP_SOURCE = 'apps/state-hub/src/main.ts';

export type AppEntry = { kind: 'build'; script: string; why: string } | { kind: 'source'; script: string; why: string };

export function chooseAppEntry(root: string, options: { source: boolean }): AppEntry {
  const source = { kind: 'source' as const, script: join(root, APP_SOURCE) };
  if (options.source) return { ...source, why: `running ${APP_SOURCE} from source (--source)` };
  const stale = staleness(root, APP_BUILD);
  if (stale !== undefined) {
    return {
      ...source,
      why: `${stale}: running ${APP_SOURCE} from source (slower start; \`npx nx build state-hub\` rebuilds it)`,
    };
  }
  return { kind: 'build', script: join(root, APP_BUILD), why: `running the build ${APP_BUILD}` };
}
