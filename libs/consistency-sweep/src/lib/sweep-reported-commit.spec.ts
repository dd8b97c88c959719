// The per-commit sync with a reported commit (real git, local bare origin): the
// checkout's own HEAD (the post-commit hook) syncs locally; a commit pushed
// elsewhere (a git host's webhook) makes it fetch and fast-forward first.
import { WorkstreamEntity, type RepoEntity } from '@state-hub/db';
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
import { ConsistencySweep } from './consistency-sweep';
import { headContains } from './git/contains-commit';

const PLAN = 'workplans/PLAN-1.md';

describe('ConsistencySweep.syncRepo with a reported commit (real git)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  let clone: string;
  let upstream: string;
  let repo: RepoEntity;

  const title = async () =>
    (await sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { repo_id: repo.id, workplan_id: 'PLAN-1' })).title;
  const syncReported = (sha: string) =>
    new ConsistencySweep(sdb.ds).syncRepo(repo.slug, { source: 'commit-hook', reportedSha: sha, writeback: false });
  const pushUpstream = (title: string) => {
    writeText(upstream, PLAN, readText(upstream, PLAN).replace(/title: .*/, `title: ${title}`));
    gitSync(upstream, 'commit', '--quiet', '-am', title);
    gitSync(upstream, 'push', '--quiet', 'origin', 'main');
    return gitSync(upstream, 'rev-parse', 'HEAD');
  };

  beforeAll(async () => {
    sdb = await openSweepDb();
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });
  beforeEach(async () => {
    ({ clone, upstream, repo } = await seedRemoteRepo(sdb, dirs, {
      [PLAN]: workplanText({ id: 'PLAN-1', title: 'Plan one' }),
    }));
  });

  it("syncs locally when HEAD holds the reported commit (the post-commit hook's case)", async () => {
    pushUpstream('Not fetched');
    const result = await syncReported(gitSync(clone, 'rev-parse', 'HEAD'));
    expect(result).toMatchObject({ outcome: 'synced', pull: 'local' });
    expect(await title()).toBe('Plan one');
  });

  it('fetches and fast-forwards first when the reported commit was pushed elsewhere', async () => {
    const pushed = pushUpstream('Pushed elsewhere');
    const result = await syncReported(pushed);
    expect(result).toMatchObject({ outcome: 'synced', pull: 'pulled', commit_sha: pushed, warnings: [] });
    expect(await title()).toBe('Pushed elsewhere');
  });

  it('still goes through the pull gate: a dirty checkout is not pulled, the disk is reconciled', async () => {
    const pushed = pushUpstream('Not pulled');
    writeText(clone, PLAN, readText(clone, PLAN).replace(/title: .*/, 'title: Edited here'));
    const result = await syncReported(pushed);
    expect(result).toMatchObject({ outcome: 'synced', pull: 'skipped_dirty' });
    expect(await title()).toBe('Edited here');
  });

  it('headContains: HEAD and its ancestors yes; a later or unknown commit no', async () => {
    const first = gitSync(clone, 'rev-parse', 'HEAD');
    const later = pushUpstream('Later');
    expect(await headContains(clone, first)).toBe(true);
    expect(await headContains(clone, later)).toBe(false);
    gitSync(clone, 'pull', '--quiet', '--ff-only');
    expect(await headContains(clone, later)).toBe(true);
    expect(await headContains(clone, first)).toBe(true);
    expect(await headContains(clone, 'e83c5163316f89bfbde7d9ab23ca2e25604af290')).toBe(false);
  });
});
