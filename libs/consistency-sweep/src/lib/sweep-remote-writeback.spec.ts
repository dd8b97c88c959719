// Remote mode after a writeback: ids the hub wrote into its own checkout must
// not block the next pull forever, whether they were left uncommitted (the
// default) or committed without a push. Also: the writeback commit takes its
// paths literally and fires none of the repo's hooks.
import { chmodSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { WorkstreamEntity, type RepoEntity } from '@state-hub/db';
import { parseWorkplan } from '@state-hub/workplan';
import {
  gitSync,
  openSweepDb,
  readText,
  seedRemoteRepo,
  TempDirs,
  workplanText,
  writeText,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { ConsistencySweep, DEFAULT_SWEEP_SETTINGS } from './consistency-sweep';
import { WRITEBACK_COMMIT_SUBJECT } from './git/writeback-commit';

const PLAN = 'workplans/PLAN-1.md';
const OTHER = 'workplans/PLAN-2.md';

function idsIn(text: string, path: string) {
  const parsed = parseWorkplan(text, path);
  if (parsed.kind !== 'workplan') throw new Error(`${path} did not parse`);
  return {
    workstream: parsed.workplan.stateHubWorkstreamId,
    tasks: parsed.workplan.tasks.map((t) => t.stateHubTaskId),
  };
}

describe('ConsistencySweep remote mode after a writeback (real git, local bare origin)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  let origin: string;
  let clone: string;
  let upstream: string;
  let repo: RepoEntity;

  const push = (path: string, edit: (text: string) => string, message: string) => {
    gitSync(upstream, 'pull', '--quiet', '--ff-only');
    writeText(upstream, path, edit(readText(upstream, path)));
    gitSync(upstream, 'commit', '--quiet', '-am', message);
    gitSync(upstream, 'push', '--quiet', 'origin', 'main');
  };
  const workstream = () =>
    sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { repo_id: repo.id, workplan_id: 'PLAN-1' });

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

  it('default settings: ids left uncommitted do not block the next pull, and are written back again after it', async () => {
    const sweeper = new ConsistencySweep(sdb.ds);
    const first = await sweeper.sweep({ source: 'activity-core', remote: true });
    expect(first.repos[0]).toMatchObject({ pull: 'up_to_date', changes: { files_written: 2, writeback_commits: 0 } });
    expect(gitSync(clone, 'status', '--porcelain').split('\n')).toHaveLength(2);
    const ws = await workstream();
    const before = { plan: idsIn(readText(clone, PLAN), PLAN), other: idsIn(readText(clone, OTHER), OTHER) };
    expect(before.plan.workstream).toBe(ws.id);

    // nothing to pull: the written ids stay as they are (no churn)
    const idle = await sweeper.sweep({ source: 'activity-core', remote: true });
    expect(idle.repos[0]).toMatchObject({ pull: 'up_to_date', warnings: [] });
    expect(idle.files).toMatchObject({ unchanged: 2, synced: 0 });

    push(PLAN, (t) => t.replace('title: Plan one', 'title: Plan one, renamed upstream'), 'retitle');
    const second = await sweeper.sweep({ source: 'activity-core', remote: true });
    expect(second.repos[0]).toMatchObject({ outcome: 'synced', pull: 'pulled', warnings: [] });
    expect(second.repos[0].commit_sha).toBe(gitSync(upstream, 'rev-parse', 'HEAD'));
    expect(await workstream()).toMatchObject({ id: ws.id, title: 'Plan one, renamed upstream' });
    expect(second.changes).toMatchObject({ workstreams_created: 0, tasks_created: 0, files_written: 2 });
    // the same ids are back in both files
    expect(idsIn(readText(clone, PLAN), PLAN)).toEqual(before.plan);
    expect(idsIn(readText(clone, OTHER), OTHER)).toEqual(before.other);
    expect(gitSync(clone, 'diff', '--stat', 'HEAD')).toMatch(/2 files changed, 3 insertions/);
  });

  it('a real edit next to id-only changes still skips the pull (skipped_dirty) and reverts nothing', async () => {
    const sweeper = new ConsistencySweep(sdb.ds);
    await sweeper.sweep({ source: 'activity-core', remote: true });
    push(OTHER, (t) => t.replace('title: Plan two', 'title: Theirs'), 'upstream');
    const edited = readText(clone, PLAN).replace('Some prose', 'Someone is editing');
    writeText(clone, PLAN, edited);
    const withIds = readText(clone, OTHER);

    const result = await sweeper.syncRepo(repo.slug, { source: 'manual', remote: true });
    expect(result.pull).toBe('skipped_dirty');
    expect(result.warnings).toEqual(['git pull skipped: working tree has 1 uncommitted change(s)']);
    expect(readText(clone, PLAN)).toBe(edited);
    expect(readText(clone, OTHER)).toBe(withIds);
  });

  it('commit on, push off: writeback commits make the pull skipped_diverged with a warning that says why', async () => {
    const sweeper = new ConsistencySweep(sdb.ds, { ...DEFAULT_SWEEP_SETTINGS, commitWriteback: true });
    const first = await sweeper.syncRepo(repo.slug, { source: 'manual', remote: true });
    expect(first.changes.writeback_commits).toBe(1);
    push(OTHER, (t) => t.replace('title: Plan two', 'title: Theirs'), 'upstream');

    const second = await sweeper.syncRepo(repo.slug, { source: 'manual', remote: true });
    expect(second.pull).toBe('skipped_diverged');
    expect(second.warnings).toEqual([
      "git pull skipped: 'main' has 1 writeback commit(s) that origin/main does not have; " +
        'local writeback commits are not pushed: set SWEEP_PUSH_WRITEBACK=true or disable SWEEP_COMMIT_WRITEBACK',
    ]);
    // never rebased: the local history is as the hub left it
    expect(gitSync(clone, 'log', '-1', '--format=%s')).toBe(WRITEBACK_COMMIT_SUBJECT);
  });

  it('commit and push on: a local-mode sync leaves the ids uncommitted; the next remote sweep commits and pushes them', async () => {
    const sweeper = new ConsistencySweep(sdb.ds, {
      ...DEFAULT_SWEEP_SETTINGS,
      commitWriteback: true,
      pushWriteback: true,
    });
    const local = await sweeper.syncRepo(repo.slug, { source: 'commit-hook' });
    expect(local.changes).toMatchObject({ files_written: 2, writeback_commits: 0 });
    expect(gitSync(clone, 'rev-list', '--count', 'HEAD')).toBe('1');
    const ids = idsIn(readText(clone, PLAN), PLAN);

    push(OTHER, (t) => t.replace('Plan two', 'Plan two, renamed upstream'), 'rename plan two');
    const remote = await sweeper.sweep({ source: 'activity-core', remote: true });
    expect(remote.repos[0]).toMatchObject({ pull: 'pulled', changes: { writeback_commits: 1 } });
    expect(remote.repos[0].warnings).toEqual([]);
    expect(gitSync(clone, 'status', '--porcelain')).toBe('');
    expect(gitSync(origin, 'rev-parse', 'main')).toBe(gitSync(clone, 'rev-parse', 'HEAD'));
    expect(idsIn(readText(clone, PLAN), PLAN)).toEqual(ids);
  });

  it('the writeback commit takes paths literally and runs none of the repo hooks', async () => {
    // `[ab].md` as a glob pathspec also names `a.md`, which someone is editing
    const glob = 'workplans/[ab].md';
    const edited = 'workplans/a.md';
    writeText(clone, glob, workplanText({ id: 'GLOB-1', title: 'Glob' }));
    writeText(clone, edited, workplanText({ id: 'A-1', title: 'A' }));
    gitSync(clone, 'add', '-A');
    gitSync(clone, 'commit', '--quiet', '--no-verify', '-m', 'more plans');
    writeText(clone, edited, readText(clone, edited).replace('Some prose', 'Someone is editing'));
    // a post-commit hook that would report every commit (and so start another sync)
    const hooks = gitSync(clone, 'rev-parse', '--git-path', 'hooks');
    const marker = join(dirs.make('sweep-hook-'), 'fired');
    writeText(join(clone, hooks), 'post-commit', `#!/bin/sh\necho fired > '${marker}'\n`);
    chmodSync(join(clone, hooks, 'post-commit'), 0o755);

    const sweeper = new ConsistencySweep(sdb.ds, { ...DEFAULT_SWEEP_SETTINGS, commitWriteback: true });
    const result = await sweeper.syncRepo(repo.slug, { source: 'manual' });
    expect(result.changes).toMatchObject({ files_written: 4, writeback_commits: 1 });
    expect(result.warnings).toEqual([`${edited}: had uncommitted changes; written ids left uncommitted`]);
    expect(gitSync(clone, 'show', '--name-only', '--format=', 'HEAD').split('\n').sort()).toEqual(
      [OTHER, PLAN, glob].sort(),
    );
    expect(gitSync(clone, 'status', '--porcelain')).toBe(`M ${edited}`); // trimmed ' M'
    expect(existsSync(marker)).toBe(false);
  });
});
