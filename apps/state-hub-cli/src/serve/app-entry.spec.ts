import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { APP_BUILD, APP_SOURCE, chooseAppEntry } from './app-entry';

describe('which app serve starts', () => {
  let root: string;
  const T = Date.parse('2026-12-01T00:00:00Z');
  const write = (path: string, at: number, text = '') => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    utimesSync(join(root, path), at / 1000, at / 1000);
  };
  /** A build at `at` whose source map names the app's main and one lib file, as webpack does. */
  const build = (at: number) => {
    write(APP_BUILD, at);
    const sources = [
      'webpack:///./src/main.ts',
      'webpack:///../../libs/hub/src/index.ts',
      'webpack:///external commonjs "pg"',
    ];
    write(`${APP_BUILD}.map`, at, JSON.stringify({ version: 3, sources }));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'serve-entry-'));
    write(APP_SOURCE, T);
    write('libs/hub/src/index.ts', T);
    write('libs/testing/src/index.ts', T + 5000); // not part of the build
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('the source when there is no build, saying how to build', () => {
    expect(chooseAppEntry(root, { source: false })).toEqual({
      kind: 'source',
      script: join(root, APP_SOURCE),
      why: expect.stringContaining('no build at dist/apps/state-hub/main.js: running apps/state-hub/src/main.ts'),
    });
  });

  it('the build when it is newer than every file its source map names', () => {
    build(T + 1000);
    expect(chooseAppEntry(root, { source: false })).toEqual({
      kind: 'build',
      script: join(root, APP_BUILD),
      why: 'running the build dist/apps/state-hub/main.js',
    });
  });

  it('the source when a file of the build changed after it, naming the file', () => {
    build(T + 1000);
    write('libs/hub/src/index.ts', T + 2000);
    expect(chooseAppEntry(root, { source: false })).toMatchObject({
      kind: 'source',
      why: expect.stringContaining('dist/apps/state-hub/main.js is older than libs/hub/src/index.ts'),
    });
  });

  it('the source when the build cannot be checked (no source map)', () => {
    write(APP_BUILD, T + 1000);
    expect(chooseAppEntry(root, { source: false })).toMatchObject({
      kind: 'source',
      why: expect.stringContaining('.map (missing'),
    });
  });

  it('the source with --source, whatever the build', () => {
    build(T + 1000);
    expect(chooseAppEntry(root, { source: true })).toMatchObject({
      kind: 'source',
      why: expect.stringContaining('--source'),
    });
  });
});
