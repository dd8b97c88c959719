// Writes docs/cli.md from the commander program; `--check` fails (exit 1) when
// the committed file differs. Run: npx nx run state-hub-cli:cli-docs (or :cli-docs-check).
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildProgram } from '../cli/program';
import { commandTree } from '../cli/command-tree';
import { workspaceRoot } from '../config/workspace-root';
import { CLI_DOCS_PATH, REGENERATE, renderCliDocs } from './cli-docs';

async function main(check: boolean): Promise<number> {
  const root = workspaceRoot();
  if (!root) throw new Error('no State Hub workspace above this script');
  const file = join(root, CLI_DOCS_PATH);
  const text = renderCliDocs(commandTree(buildProgram()));
  if (!check) {
    await writeFile(file, text);
    console.log(`wrote ${CLI_DOCS_PATH}`);
    return 0;
  }
  const committed = await readFile(file, 'utf8').catch(() => undefined);
  if (committed === text) {
    console.log(`${CLI_DOCS_PATH} is up to date`);
    return 0;
  }
  console.error(`${CLI_DOCS_PATH} is ${committed === undefined ? 'missing' : 'stale'}: run ${REGENERATE}`);
  return 1;
}

main(process.argv.includes('--check')).then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error('generating docs/cli.md failed:', err);
    process.exitCode = 1;
  },
);
