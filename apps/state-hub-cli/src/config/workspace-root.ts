// The State Hub checkout this CLI runs from (the folder with nx.json and the
// workspace's package.json), found upwards from this file: the source under
// apps/state-hub-cli/src and the build under dist/apps/state-hub-cli both live in it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const WORKSPACE_PACKAGE = '@state-hub/source';

function isWorkspace(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
    return pkg.name === WORKSPACE_PACKAGE && existsSync(join(dir, 'nx.json'));
  } catch {
    return false;
  }
}

/** The workspace folder, or undefined outside a checkout (a CLI image holds only its build). */
export function workspaceRoot(from: string = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (isWorkspace(dir)) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}
