// Remote mode and the writeback commit against real git: a local bare
// `origin`, a clone the sweep owns, and a second clone standing in for
// everyone else pushing.
import { join } from 'node:path';
import { WorkstreamEntity, type RepoEntity } from '@state-hub/db';
import {
  gitSync,
  openSweepDb,
  readText,
  seedRemoteRepo,
  TempDirs,
  withoutIdLines,
  workplanText,
  writeText,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { ConsistencySweep, DEFAULT_SWEEP_SETTINGS } from './consistency-sweep';
import { WRITEBACK_COMMIT_SUBJECT } from './git/writeback-commit';
import type { RepoSyncResult } from './types';

const PLAN = 'workplans/PLAN-1.md';
const OTHER = 'workplans/PLAN-2.md';

describe('ConsistencySweep remote mode (real git, local bare origin)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  let origin: string;
  let clone: string;
  let upstream: string;
  let repo: RepoEntity;

  const title = async () =>
    (await sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { repo_id: repo.id, workplan_id: 'PLAN-1' })).title;
  const push = (dir: string, path: string, text: string, message: string) => {
    writeText(dir, path, text);
    gitSync(dir, 'commit', '--quiet', '-am', message);
    gitSync(dir, 'push', '--quiet', 'origin', 'main');
  };
  const syncRemote = (sweeper = new ConsistencySweep(sdb.ds)): Promise<RepoSyncResult> =>
    sweeper.syncRepo(repo.slug, { source: 'manual', remote: true, writeback: false });

  beforeAll(async () => {
    sdb = await openSweepDb();
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });
  beforeEach(async () => {
    ({ origin, clone, upstream, repo } = await seedRemoteRepo(sdb, dirs, {
      [PLAN]: workplanText({ id: 'PLAN-1', title: 'Plan one', tasks: [{ key: 'PLAN-1-T01', title: 'Do it' }] }),
      [OTHER]: workplanText({ id: 'PLAN-2', title: 'Plan two' }),
    }));
  });

  it('is up_to_date when nothing moved, and fast-forwards (pulled) when origin moved', async () => {
    const first = await syncRemote();
    expect(first).toMatchObject({ outcome: 'synced', pull: 'up_to_date', warnings: [] });
    expect(first.commit_sha).toBe(gitSync(clone, 'rev-parse', 'HEAD'));

    push(upstream, PLAN, readText(upstream, PLAN).replace('title: Plan one', 'title: Plan one, pulled'), 'retitle');
    const second = await syncRemote();
    expect(second).toMatchObject({ outcome: 'synced', pull: 'pulled', warnings: [] });
    expect(second.commit_sha).toBe(gitSync(upstream, 'rev-parse', 'HEAD'));
    expect(await title()).toBe('Plan one, pulled');
  });

  it('skips the pull of a dirty working tree with a warning and still reconciles the disk', async () => {
    push(upstream, OTHER, readText(upstream, OTHER).replace('title: Plan two', 'title: Not pulled'), 'upstream');
    writeText(clone, PLAN, readText(clone, PLAN).replace('title: Plan one', 'title: Edited locally'));
    const before = gitSync(clone, 'rev-parse', 'HEAD');

    const result = await syncRemote();
    expect(result).toMatchObject({ outcome: 'synced', pull: 'skipped_dirty' });
    expect(result.warnings).toEqual(['git pull skipped: working tree has 1 uncommitted change(s)']);
    expect(gitSync(clone, 'rev-parse', 'HEAD')).toBe(before);
    expect(await title()).toBe('Edited locally');
  });

  it('skips the pull of a diverged branch with a warning and still reconciles the disk', async () => {
    push(upstream, OTHER, readText(upstream, OTHER).replace('title: Plan two', 'title: Theirs'), 'upstream');
    writeText(clone, PLAN, readText(clone, PLAN).replace('title: Plan one', 'title: Committed locally'));
    gitSync(clone, 'commit', '--quiet', '-am', 'local work');
    const before = gitSync(clone, 'rev-parse', 'HEAD');

    const result = await syncRemote();
    expect(result).toMatchObject({ outcome: 'synced', pull: 'skipped_diverged', commit_sha: before });
    expect(result.warnings).toEqual(["git pull skipped: 'main' is ahead of or diverged from origin/main"]);
    expect(await title()).toBe('Committed locally');
  });

  it('skips the pull when another branch is checked out', async () => {
    gitSync(clone, 'checkout', '--quiet', '-b', 'feature');
    const result = await syncRemote();
    expect(result.pull).toBe('skipped_diverged');
    expect(result.warnings).toEqual(["git pull skipped: branch 'feature' is checked out, not 'main'"]);
    expect(result.files.synced).toBe(2);
  });

  it('reports a failed fetch as a warning and reconciles what is on disk', async () => {
    gitSync(clone, 'remote', 'set-url', 'origin', join(origin, 'gone'));
    const result = await syncRemote();
    expect(result).toMatchObject({ outcome: 'synced', pull: 'failed' });
    expect(result.warnings[0]).toMatch(/^git fetch from origin failed: /);
    expect(result.files.synced).toBe(2);
  });

  it('is no_remote for a repo without a git remote: a warning only when remote_url is set', async () => {
    gitSync(clone, 'remote', 'remove', 'origin');
    const warned = await syncRemote();
    expect(warned.pull).toBe('no_remote');
    expect(warned.warnings).toEqual([`git pull skipped: the repository has no git remote (remote_url is ${origin})`]);
    await sdb.ds.query('UPDATE repos SET remote_url = NULL');
    expect(await syncRemote()).toMatchObject({ pull: 'no_remote', warnings: [] });
  });

  it('commits the written ids in ONE commit with only id lines, and pushes it in remote mode', async () => {
    const before = { plan: readText(clone, PLAN), other: readText(clone, OTHER) };
    const sweeper = new ConsistencySweep(sdb.ds, {
      ...DEFAULT_SWEEP_SETTINGS,
      commitWriteback: true,
      pushWriteback: true,
      gitAuthorName: 'Hub Bot',
      gitAuthorEmail: 'hub@example.com',
    });
    const result = await sweeper.syncRepo(repo.slug, { source: 'manual', remote: true });
    expect(result.changes).toMatchObject({ files_written: 2, writeback_commits: 1 });
    expect(result.warnings).toEqual([]);

    expect(gitSync(clone, 'status', '--porcelain')).toBe('');
    expect(gitSync(clone, 'log', '-1', '--format=%an <%ae>|%s')).toBe(
      `Hub Bot <hub@example.com>|${WRITEBACK_COMMIT_SUBJECT}`,
    );
    expect(gitSync(clone, 'log', '-1', '--format=%b')).toBe(`Files:\n- ${PLAN}\n- ${OTHER}`);
    expect(gitSync(clone, 'rev-list', '--count', 'HEAD')).toBe('2');
    const changed = gitSync(clone, 'diff', 'HEAD~1', 'HEAD', '--unified=0')
      .split('\n')
      .filter((l) => /^[+-](?![+-])/.test(l));
    expect(changed.length).toBe(3);
    expect(changed.every((l) => /^\+\s*state_hub_(workstream|task)_id: /.test(l))).toBe(true);
    expect(withoutIdLines(readText(clone, PLAN))).toBe(withoutIdLines(before.plan));
    expect(gitSync(origin, 'rev-parse', 'main')).toBe(gitSync(clone, 'rev-parse', 'HEAD'));

    // the next remote sweep finds a clean, up-to-date clone with nothing to do
    const again = await sweeper.syncRepo(repo.slug, { source: 'manual', remote: true });
    expect(again).toMatchObject({ pull: 'up_to_date', warnings: [] });
    expect(again.files.unchanged).toBe(2);
  });

  it('leaves a file with uncommitted edits out of the writeback commit', async () => {
    const sweeper = new ConsistencySweep(sdb.ds, { ...DEFAULT_SWEEP_SETTINGS, commitWriteback: true });
    writeText(clone, OTHER, readText(clone, OTHER).replace('Some prose', 'Someone is editing'));
    const result = await sweeper.syncRepo(repo.slug, { source: 'manual' });
    expect(result.changes).toMatchObject({ files_written: 2, writeback_commits: 1 });
    expect(result.warnings).toEqual([`${OTHER}: had uncommitted changes; written ids left uncommitted`]);
    expect(gitSync(clone, 'show', '--name-only', '--format=', 'HEAD')).toBe(PLAN);
    expect(gitSync(clone, 'status', '--porcelain')).toBe(`M ${OTHER}`); // trimmed ' M'
  });
});
