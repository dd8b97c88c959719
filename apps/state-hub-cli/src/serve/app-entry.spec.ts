import { createHash } from 'node:crypto';
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
  const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
  /** A build at `at` made from the app's main and one lib file, with the sources.json the build writes. */
  const build = (at: number) => {
    write(APP_BUILD, at);
    const files = { [APP_SOURCE]: sha256('main'), 'libs/hub/src/index.ts': sha256('hub') };
    write('dist/apps/state-hub/sources.json', at, JSON.stringify({ files }));
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'serve-entry-'));
    write(APP_SOURCE, T, 'main');
    write('libs/hub/src/index.ts', T, 'hub');
    write('libs/testing/src/index.ts', T + 5000); // not part of the build
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('the source when there is no build, saying how to build', () => {
    expect(chooseAppEntry(root, { source: false })).toEqual({
      kind: 'source',
      script: join(root, APP_SOURCE),
      why: expect.stringMatching(
        /^there is no build at dist\/apps\/state-hub\/main\.js: running apps\/state-hub\/src\/main\.ts .*npx nx build state-hub/,
      ),
    });
  });

  it('the build while no file it was made from changed, even one touched since', () => {
    build(T + 1000);
    const current = {
      kind: 'build',
      script: join(root, APP_BUILD),
      why: 'running the build dist/apps/state-hub/main.js',
    };
    expect(chooseAppEntry(root, { source: false })).toEqual(current);
    write('libs/hub/src/index.ts', T + 2000, 'hub'); // a checkout: newer, the same content
    expect(chooseAppEntry(root, { source: false })).toEqual(current);
  });

  it('the source when a file of the build changed after it, naming the file', () => {
    build(T + 1000);
    write('libs/hub/src/index.ts', T + 2000, 'hub, edited');
    expect(chooseAppEntry(root, { source: false })).toMatchObject({
      kind: 'source',
      why: expect.stringContaining('libs/hub/src/index.ts changed after the build: running apps/state-hub/src/main.ts'),
    });
  });

  it('the source when the build cannot be checked (no sources.json)', () => {
    write(APP_BUILD, T + 1000);
    expect(chooseAppEntry(root, { source: false })).toMatchObject({
      kind: 'source',
      why: expect.stringContaining('dist/apps/state-hub/sources.json is missing or unreadable'),
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
