// HEAD read from the .git directory must agree with what git itself says.
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { gitSync, makeGitRepo, TempDirs, writeText } from '../../testing/sweep-fixtures';
import { readHead } from './read-head';

describe('readHead', () => {
  const dirs = new TempDirs();
  afterAll(() => dirs.cleanup());

  it('reads a branch from a loose ref, then from packed-refs', async () => {
    const root = makeGitRepo(dirs, { 'a.md': 'a\n' }, 'trunk');
    const sha = gitSync(root, 'rev-parse', 'HEAD');
    expect(await readHead(root)).toEqual({ sha, branch: 'trunk' });
    gitSync(root, 'pack-refs', '--all', '--prune');
    expect(await readHead(root)).toEqual({ sha, branch: 'trunk' });
  });

  it('reads a detached HEAD, a branch without commits, a linked worktree, and no repo at all', async () => {
    const root = makeGitRepo(dirs, { 'a.md': 'a\n' });
    const first = gitSync(root, 'rev-parse', 'HEAD');
    writeText(root, 'b.md', 'b\n');
    gitSync(root, 'add', '-A');
    gitSync(root, 'commit', '--quiet', '-m', 'second');
    gitSync(root, 'checkout', '--quiet', '--detach', first);
    expect(await readHead(root)).toEqual({ sha: first, branch: null });

    const worktree = join(dirs.make('sweep-wt-'), 'wt');
    gitSync(root, 'worktree', 'add', '--quiet', '-b', 'side', worktree, 'main');
    expect(await readHead(worktree)).toEqual({ sha: gitSync(root, 'rev-parse', 'main'), branch: 'side' });

    const empty = dirs.make('sweep-empty-');
    gitSync(empty, 'init', '--quiet', '-b', 'main');
    expect(await readHead(empty)).toEqual({ sha: null, branch: 'main' });
    expect(await readHead(dirs.make('sweep-plain-'))).toBeNull();
  });

  it('a .git it cannot read is an error with the reason, not "no repo"', async () => {
    const root = dirs.make('sweep-loop-');
    symlinkSync(join(root, '.git'), join(root, '.git'));
    await expect(readHead(root)).rejects.toThrow(/^ELOOP: /);
  });
});
