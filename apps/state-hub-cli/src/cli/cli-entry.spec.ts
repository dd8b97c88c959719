// What `state-hub` runs (cli-entry.cjs, which bin/state-hub.cjs runs): the CLI's build while no workspace file it
// was made from changed in content or went away, else the source; STATE_HUB_CLI_SOURCE=1 always the source.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { CLI_BUILD, CLI_SOURCE, chooseCliEntry, SOURCES_FILE, staleness } from './cli-entry.cjs';

const BUILT_AT = new Date('2026-12-01T12:00:00Z');
const before = new Date(BUILT_AT.getTime() - 60_000);
const after = new Date(BUILT_AT.getTime() + 60_000);
const SOURCES: Record<string, string> = {
  'apps/state-hub-cli/src/main.ts': 'main',
  'libs/config/src/index.ts': 'config',
  'libs/hub-client/openapi.json': '{}',
};
const MANIFEST = join(dirname(CLI_BUILD), SOURCES_FILE);

describe('chooseCliEntry', () => {
  let root: string;

  /** A file at `path` under root holding `text`, last changed at `when`. */
  const file = (path: string, when: Date, text = '') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    utimesSync(join(root, path), when, when);
  };
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cli-entry-'));
    for (const [path, text] of Object.entries(SOURCES)) file(path, before, text);
    const files = Object.fromEntries(Object.entries(SOURCES).map(([path, text]) => [path, sha256(text)]));
    file(MANIFEST, BUILT_AT, JSON.stringify({ files }));
    file(CLI_BUILD, BUILT_AT);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const build = () => ({ kind: 'build', script: join(root, CLI_BUILD) });
  const source = () => ({ kind: 'source', script: join(root, CLI_SOURCE) });

  it('runs the build while every file it was made from is older', () => {
    expect(chooseCliEntry(root, {})).toEqual(build());
  });

  it('runs the build when a file was touched after it without changing (a checkout, a stash)', () => {
    file('libs/config/src/index.ts', after, 'config');
    expect(chooseCliEntry(root, {})).toEqual(build());
  });

  it('runs the source once a library file or a JSON file the build read changed, and says which', () => {
    file('libs/hub-client/openapi.json', after, '{"changed":true}');
    expect(chooseCliEntry(root, {})).toEqual(source());
    expect(staleness(root, CLI_BUILD)).toBe('libs/hub-client/openapi.json changed after the build');
  });

  it('runs the source when a file the build was made from is gone', () => {
    rmSync(join(root, 'apps/state-hub-cli/src/main.ts'));
    expect(chooseCliEntry(root, {})).toEqual(source());
  });

  it('runs the source without a build, without its sources.json, with one it cannot read or that lists nothing', () => {
    file(MANIFEST, BUILT_AT, JSON.stringify({ files: {} }));
    expect(staleness(root, CLI_BUILD)).toMatch(/lists no source/);
    file(MANIFEST, BUILT_AT, '{ not json');
    expect(chooseCliEntry(root, {})).toEqual(source());
    rmSync(join(root, MANIFEST));
    expect(staleness(root, CLI_BUILD)).toMatch(/sources\.json is missing or unreadable/);
    rmSync(join(root, CLI_BUILD));
    expect(staleness(root, CLI_BUILD)).toBe(`there is no build at ${CLI_BUILD}`);
    expect(chooseCliEntry(root, {})).toEqual(source());
  });

  it('runs the source with STATE_HUB_CLI_SOURCE=1, however current the build', () => {
    expect(chooseCliEntry(root, { STATE_HUB_CLI_SOURCE: '1' })).toEqual(source());
    expect(chooseCliEntry(root, { STATE_HUB_CLI_SOURCE: '0' })).toEqual(build());
  });
});
