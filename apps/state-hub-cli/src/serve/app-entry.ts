// Which one-process app `serve` starts: the build (dist/apps/state-hub/main.js)
// when it is there and at least as new as every source file it was built from
// (its source map lists them), else the TypeScript source through
// @swc-node/register (slower to start, always current). Each choice comes with
// the line that tells the operator why.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const APP_BUILD = 'dist/apps/state-hub/main.js';
export const APP_SOURCE = 'apps/state-hub/src/main.ts';
/** webpack names sources relative to the app's folder: `webpack:///../../libs/db/src/index.ts`. */
const APP_DIR = 'apps/state-hub';

export type AppEntry = { kind: 'build'; script: string; why: string } | { kind: 'source'; script: string; why: string };

/** The workspace files the build was made from, as its source map lists them; undefined without a map. */
function buildSources(root: string): string[] | undefined {
  const map = join(root, `${APP_BUILD}.map`);
  if (!existsSync(map)) return undefined;
  const { sources } = JSON.parse(readFileSync(map, 'utf8')) as { sources?: string[] };
  return (sources ?? [])
    .filter((s) => s.startsWith('webpack:///.'))
    .map((s) => resolve(root, APP_DIR, s.slice('webpack:///'.length)));
}

/** The first source file changed after the build (or gone from where the map says), if any. */
function newerSource(root: string, builtAt: number): string | undefined {
  const sources = buildSources(root);
  if (sources === undefined) return `${APP_BUILD}.map (missing, so the build cannot be checked)`;
  return sources.find((path) => !existsSync(path) || statSync(path).mtimeMs > builtAt);
}

export function chooseAppEntry(root: string, options: { source: boolean }): AppEntry {
  const build = join(root, APP_BUILD);
  const source = { kind: 'source' as const, script: join(root, APP_SOURCE) };
  const rebuild = '`npx nx build state-hub` rebuilds it';
  if (options.source) return { ...source, why: `running ${APP_SOURCE} from source (--source)` };
  if (!existsSync(build)) {
    return { ...source, why: `no build at ${APP_BUILD}: running ${APP_SOURCE} from source (slower start; ${rebuild})` };
  }
  const newer = newerSource(root, statSync(build).mtimeMs);
  if (newer !== undefined) {
    const what = newer.startsWith(root) ? relative(root, newer) : newer;
    return { ...source, why: `${APP_BUILD} is older than ${what}: running the source instead (${rebuild})` };
  }
  return { kind: 'build', script: build, why: `running the build ${APP_BUILD}` };
}
