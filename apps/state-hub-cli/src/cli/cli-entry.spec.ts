// What `state-hub` runs (cli-entry.cjs, which bin/state-hub.cjs runs): the CLI's build only while no source file it was built from changed
// or went away, else the source; STATE_HUB_CLI_SOURCE=1 always the source.
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI_BUILD, CLI_SOURCE, chooseCliEntry } from './cli-entry.cjs';

const SOURCES = ['apps/state-hub-cli/src/main.ts', 'libs/config/src/index.ts'];
const BUILT_AT = new Date('2026-12-01T12:00:00Z');

describe('chooseCliEntry', () => {
  let root: string;

  /** A file at `path` under root, last changed at `when`. */
  const file = (path: string, when: Date, text = '') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    utimesSync(join(root, path), when, when);
  };
  const before = new Date(BUILT_AT.getTime() - 60_000);
  const after = new Date(BUILT_AT.getTime() + 60_000);

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cli-entry-'));
    for (const source of SOURCES) file(source, before);
    // as webpack writes it: sources relative to the app's folder, plus externals and its runtime
    const map = {
      sources: [
        'webpack:///./src/main.ts',
        'webpack:///../../libs/config/src/index.ts',
        'webpack:///external commonjs "commander"',
        'webpack:///webpack/bootstrap',
      ],
    };
    file(`${CLI_BUILD}.map`, BUILT_AT, JSON.stringify(map));
    file(CLI_BUILD, BUILT_AT);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const build = () => ({ kind: 'build', script: join(root, CLI_BUILD) });
  const source = () => ({ kind: 'source', script: join(root, CLI_SOURCE) });

  it('runs the build while every source it was made from is older', () => {
    expect(chooseCliEntry(root, {})).toEqual(build());
  });

  it('runs the source once a library file changed after the build', () => {
    file('libs/config/src/index.ts', after);
    expect(chooseCliEntry(root, {})).toEqual(source());
  });

  it('runs the source when a file the build was made from is gone', () => {
    rmSync(join(root, 'apps/state-hub-cli/src/main.ts'));
    expect(chooseCliEntry(root, {})).toEqual(source());
  });

  it('runs the source without a build, without its map, or with a map it cannot read', () => {
    rmSync(join(root, `${CLI_BUILD}.map`));
    expect(chooseCliEntry(root, {})).toEqual(source());
    file(`${CLI_BUILD}.map`, BUILT_AT, '{ not json');
    expect(chooseCliEntry(root, {})).toEqual(source());
    rmSync(join(root, CLI_BUILD));
    expect(chooseCliEntry(root, {})).toEqual(source());
  });

  it('runs the source with STATE_HUB_CLI_SOURCE=1, however current the build', () => {
    expect(chooseCliEntry(root, { STATE_HUB_CLI_SOURCE: '1' })).toEqual(source());
    expect(chooseCliEntry(root, { STATE_HUB_CLI_SOURCE: '0' })).toEqual(build());
  });
});
