// Where the generated catalog lives, found from this file so it works from any cwd.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const CATALOG_DOC_PATH = 'docs/nats-event-subjects.md';

export function catalogDocFile(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}: cannot find the workspace root`);
    dir = parent;
  }
  return join(dir, CATALOG_DOC_PATH);
}
