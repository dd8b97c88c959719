// The reconcile rules end to end: real Postgres, real files in a temp git repo.
import { rmSync } from 'node:fs';
import { OUTBOX_CHANNEL, type OutboxCommits } from '@state-hub/outbox';
import { listenForNotifications } from '@state-hub/testing';
import { join } from 'node:path';
import {
  OutboxEventEntity,
  ProgressEventEntity,
  TaskEntity,
  WorkplanFileEntity,
  WorkstreamEntity,
  type RepoEntity,
} from '@state-hub/db';
import { parseWorkplan } from '@state-hub/workplan';
import {
  emptyReadModel,
  makeGitRepo,
  openSweepDb,
  readText,
  seedRepo,
  TempDirs,
  withoutIdLines,
  workplanText,
  writeText,
  type SweepDb,
  type WorkplanSpec,
} from '../testing/sweep-fixtures';
import { ConsistencySweep, DEFAULT_SWEEP_SETTINGS } from './consistency-sweep';
import { RepoArchivedError, RepoNotFoundError } from './errors';
import { SWEEP_PROGRESS_EVENT, SYNC_PROGRESS_EVENT } from './types';

const ALPHA: WorkplanSpec = {
  id: 'ALPHA-WP-0001',
  title: 'Alpha plan',
  domain: 'core',
  owner: 'ada',
  tasks: [
    { key: 'ALPHA-WP-0001-T01', title: 'First step', status: 'done', priority: 'high' },
    { key: 'ALPHA-WP-0001-T02', title: 'Second step', status: 'in_progress' },
    { key: 'ALPHA-WP-0001-T03', title: 'Third step' },
  ],
};
const BETA: WorkplanSpec = {
  id: 'BETA-WP-0002',
  title: 'Beta plan',
  tasks: [{ key: 'BETA-WP-0002-T01', title: 'Only step' }],
};

function parsed(root: string, path: string) {
  const result = parseWorkplan(readText(root, path), path);
  if (result.kind !== 'workplan') throw new Error(`${path} did not parse: ${JSON.stringify(result)}`);
  return result.workplan;
}

describe('ConsistencySweep reconcile (real Postgres, temp git repo)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  let root: string;
  let repo: RepoEntity;
  let sweeper: ConsistencySweep;
  let wakeups: number;

  const workstream = (workplanId: string) =>
    sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { repo_id: repo.id, workplan_id: workplanId });
  const tasksOf = (wsId: string) =>
    sdb.ds.manager.find(TaskEntity, { where: { workstream_id: wsId }, order: { position: 'ASC' } });
  const sweep = () => sweeper.sweep({ source: 'manual' });

  beforeAll(async () => {
    sdb = await openSweepDb();
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });
  beforeEach(async () => {
    await emptyReadModel(sdb);
    root = makeGitRepo(dirs, {
      'workplans/ALPHA-WP-0001.md': workplanText(ALPHA),
      'workplans/nested/BETA-WP-0002.md': workplanText(BETA),
      'workplans/README.md': '# Workplans\n\nNot a workplan: no front matter.\n',
      'docs/ignored.md': workplanText({ id: 'IGNORED-1', title: 'Outside the workplan folder' }),
    });
    repo = await seedRepo(sdb.ds, sdb.domain, { slug: 'alpha', localPath: root });
    wakeups = 0;
    sweeper = new ConsistencySweep(sdb.ds, DEFAULT_SWEEP_SETTINGS, {
      committed: () => wakeups++,
      relayPublishingHere: () => false,
    });
  });

  it('cold sweep creates workstreams and tasks and writes only the id lines back', async () => {
    const before = readText(root, 'workplans/ALPHA-WP-0001.md');
    const report = await sweep();

    expect(report.outcome).toBe('completed');
    expect(report.counts).toMatchObject({ repos: 1, synced: 1, failed: 0 });
    expect(report.files).toEqual({ scanned: 3, unchanged: 0, synced: 2, errors: 0, orphaned: 0, not_workplan: 1 });
    expect(report.changes).toMatchObject({
      workstreams_created: 2,
      tasks_created: 4,
      files_written: 2,
      ids_written: 6,
    });

    const alpha = await workstream('ALPHA-WP-0001');
    expect(alpha).toMatchObject({
      title: 'Alpha plan',
      status: 'active',
      file_status: 'active',
      owner: 'ada',
      domain_id: sdb.domain.id,
      source_path: 'workplans/ALPHA-WP-0001.md',
      extra: { created: expect.anything() },
    });
    const tasks = await tasksOf(alpha.id);
    expect(tasks.map((t) => [t.task_key, t.status, t.priority, t.position])).toEqual([
      ['ALPHA-WP-0001-T01', 'done', 'high', 0],
      ['ALPHA-WP-0001-T02', 'in_progress', 'medium', 1],
      ['ALPHA-WP-0001-T03', 'todo', 'medium', 2],
    ]);
    expect(tasks[0].completed_at).not.toBeNull();
    expect(tasks[1].started_at).not.toBeNull();

    const after = readText(root, 'workplans/ALPHA-WP-0001.md');
    expect(after).not.toBe(before);
    expect(withoutIdLines(after)).toBe(withoutIdLines(before));
    const reread = parsed(root, 'workplans/ALPHA-WP-0001.md');
    expect(reread.stateHubWorkstreamId).toBe(alpha.id);
    expect(reread.tasks.map((t) => t.stateHubTaskId)).toEqual(tasks.map((t) => t.id));

    const fileRow = await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path: 'workplans/ALPHA-WP-0001.md' });
    expect(fileRow).toMatchObject({ status: 'synced', workstream_id: alpha.id, error: null });
    expect(fileRow.commit_sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await sdb.ds.manager.countBy(WorkplanFileEntity, { path: 'workplans/README.md' })).toBe(0);
    expect(await sdb.ds.manager.countBy(OutboxEventEntity, {})).toBe(0); // creating is a registration, not an event

    const event = await sdb.ds.manager.findOneByOrFail(ProgressEventEntity, { id: report.progress_event_id });
    expect(event.event_type).toBe(SWEEP_PROGRESS_EVENT);
    expect(event.repo_id).toBeNull();
    expect(event.summary).toMatch(/^sweep \(manual\): 1 synced, 0 failed, 0 skipped in \d+\.\d s$/);
    expect(event.detail).toMatchObject({ source: 'manual', outcome: 'completed', counts: report.counts, repos: [] });
  });

  it('a second sweep changes nothing: all files unchanged, no writes, no events', async () => {
    await sweep();
    const files = ['workplans/ALPHA-WP-0001.md', 'workplans/nested/BETA-WP-0002.md'].map((p) => readText(root, p));
    const stamps = await sdb.ds.query(
      'SELECT id, updated_at FROM workstreams UNION ALL SELECT id, updated_at FROM tasks',
    );

    const second = await sweep();
    expect(second.files).toMatchObject({ scanned: 3, unchanged: 2, synced: 0, errors: 0 });
    expect(second.changes).toMatchObject({
      workstreams_updated: 0,
      tasks_updated: 0,
      files_written: 0,
      ids_written: 0,
    });
    expect(['workplans/ALPHA-WP-0001.md', 'workplans/nested/BETA-WP-0002.md'].map((p) => readText(root, p))).toEqual(
      files,
    );
    expect(
      await sdb.ds.query('SELECT id, updated_at FROM workstreams UNION ALL SELECT id, updated_at FROM tasks'),
    ).toEqual(stamps);
    expect(await sdb.ds.manager.countBy(OutboxEventEntity, {})).toBe(0);
    expect(await sdb.ds.manager.countBy(ProgressEventEntity, { event_type: SWEEP_PROGRESS_EVENT })).toBe(2);
  });

  it('a change to one file updates only that workstream', async () => {
    await sweep();
    const beta = await workstream('BETA-WP-0002');
    const alphaBefore = await workstream('ALPHA-WP-0001');
    const text = readText(root, 'workplans/ALPHA-WP-0001.md').replace(
      'title: Alpha plan',
      'title: Alpha plan, revised',
    );
    writeText(root, 'workplans/ALPHA-WP-0001.md', text);

    const report = await sweep();
    expect(report.files).toMatchObject({ unchanged: 1, synced: 1 });
    expect(report.changes).toMatchObject({ workstreams_updated: 1, workstreams_created: 0, tasks_updated: 0 });
    const alpha = await workstream('ALPHA-WP-0001');
    expect(alpha.title).toBe('Alpha plan, revised');
    expect(alpha.updated_at.getTime()).toBeGreaterThan(alphaBefore.updated_at.getTime());
    expect((await workstream('BETA-WP-0002')).updated_at).toEqual(beta.updated_at);
    expect(readText(root, 'workplans/ALPHA-WP-0001.md')).toBe(text); // ids already there: no writeback
  });

  it('a status change to completed emits exactly one workstream.completed via sweep', async () => {
    await sweep();
    const path = 'workplans/nested/BETA-WP-0002.md';
    writeText(root, path, readText(root, path).replace('status: active', 'status: completed'));

    const report = await sweep();
    expect(report.changes.workstreams_completed).toBe(1);
    const beta = await workstream('BETA-WP-0002');
    expect(beta.status).toBe('completed');
    expect(beta.completed_at).not.toBeNull();
    const events = await sdb.ds.manager.find(OutboxEventEntity, {});
    expect(events).toHaveLength(1);
    expect(events[0].subject).toBe('org.statehub.workstream.completed');
    expect(events[0].envelope['attributes']).toEqual({
      workstream_id: beta.id,
      workplan_id: 'BETA-WP-0002',
      repo_slug: 'alpha',
      title: 'Beta plan',
      previous_status: 'active',
      via: 'sweep',
    });
    expect(wakeups).toBe(1);

    await sweep(); // unchanged now: no second event
    expect(await sdb.ds.manager.countBy(OutboxEventEntity, {})).toBe(1);
  });

  it("sends its event's NOTIFY only when no relay of its own process publishes", async () => {
    await sweep();
    const listener = await listenForNotifications(sdb.db?.url, OUTBOX_CHANNEL);
    try {
      const complete = async (path: string, outbox?: OutboxCommits) => {
        writeText(root, path, readText(root, path).replace('status: active', 'status: completed'));
        const report = await new ConsistencySweep(sdb.ds, DEFAULT_SWEEP_SETTINGS, outbox).sweep({ source: 'manual' });
        expect(report.changes.workstreams_completed).toBe(1);
      };
      let woken = 0;
      await complete('workplans/nested/BETA-WP-0002.md', {
        committed: () => woken++,
        relayPublishingHere: () => true,
      });
      expect(woken).toBe(1); // its relay is woken in-process instead
      await complete('workplans/ALPHA-WP-0001.md'); // no signal: the CLI's sweep
      expect(await listener.heard()).toEqual(['']); // ALPHA's event only
      expect(await sdb.ds.manager.countBy(OutboxEventEntity, {})).toBe(2);
    } finally {
      await listener.close();
    }
  });

  it('a broken file is an error row; its workstream keeps the last good state; other files still sync', async () => {
    await sweep();
    const alphaPath = 'workplans/ALPHA-WP-0001.md';
    const broken = readText(root, alphaPath)
      .replace('title: Alpha plan', 'title: Alpha broken')
      .replace('status: active', 'status: [unclosed');
    writeText(root, alphaPath, broken);
    const betaPath = 'workplans/nested/BETA-WP-0002.md';
    writeText(root, betaPath, readText(root, betaPath).replace('title: Beta plan', 'title: Beta renamed'));

    const report = await sweep();
    expect(report.outcome).toBe('completed');
    expect(report.files).toMatchObject({ errors: 1, synced: 1 });
    expect(report.warnings.some((w) => w.startsWith(`alpha: ${alphaPath}:`))).toBe(true);
    const row = await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path: alphaPath });
    expect(row.status).toBe('error');
    expect(row.error).toMatch(new RegExp(`^${alphaPath}:\\d+: `));
    expect(row.workstream_id).not.toBeNull();
    expect(await workstream('ALPHA-WP-0001')).toMatchObject({ title: 'Alpha plan', status: 'active' });
    expect((await workstream('BETA-WP-0002')).title).toBe('Beta renamed');
    expect(readText(root, alphaPath)).toBe(broken);

    // fixed again: the file syncs and its row is clean
    writeText(root, alphaPath, broken.replace('status: [unclosed', 'status: blocked'));
    await sweep();
    expect(await workstream('ALPHA-WP-0001')).toMatchObject({ title: 'Alpha broken', status: 'blocked' });
    expect(await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path: alphaPath })).toMatchObject({
      status: 'synced',
      error: null,
    });
  });

  it('a vanished file orphans its row and archives its workstream; the file coming back re-syncs it', async () => {
    await sweep();
    const path = 'workplans/nested/BETA-WP-0002.md';
    const text = readText(root, path);
    rmSync(join(root, path));

    const report = await sweep();
    expect(report.files.orphaned).toBe(1);
    expect(report.changes.workstreams_archived).toBe(1);
    expect(await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path })).toMatchObject({
      status: 'orphaned',
      error: 'file no longer exists',
    });
    const beta = await workstream('BETA-WP-0002');
    expect(beta.status).toBe('archived');
    expect(await tasksOf(beta.id)).toHaveLength(1); // never deleted
    expect(await sdb.ds.manager.countBy(OutboxEventEntity, {})).toBe(0);
    expect((await sweep()).files.orphaned).toBe(0); // only once

    writeText(root, path, text);
    await sweep();
    expect(await workstream('BETA-WP-0002')).toMatchObject({ id: beta.id, status: 'active' });
    expect(await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path })).toMatchObject({ status: 'synced' });
  });

  it('a renamed file keeps its workstream (matched by the written-back id) and does not archive it', async () => {
    await sweep();
    const beta = await workstream('BETA-WP-0002');
    const text = readText(root, 'workplans/nested/BETA-WP-0002.md');
    rmSync(join(root, 'workplans/nested/BETA-WP-0002.md'));
    writeText(root, 'workplans/BETA-renamed.md', text.replace('id: BETA-WP-0002\n', 'id: BETA-WP-0022\n'));

    await sweep();
    const renamed = await sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { id: beta.id });
    expect(renamed).toMatchObject({
      workplan_id: 'BETA-WP-0022',
      status: 'active',
      source_path: 'workplans/BETA-renamed.md',
    });
    expect(await sdb.ds.manager.countBy(WorkstreamEntity, { repo_id: repo.id })).toBe(2);
  });

  it('a second file with the same workplan id is an error naming the first', async () => {
    await sweep();
    writeText(root, 'workplans/zz-copy.md', workplanText({ ...BETA, title: 'Copy of beta' }));

    const report = await sweep();
    expect(report.files.errors).toBe(1);
    const row = await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path: 'workplans/zz-copy.md' });
    expect(row.status).toBe('error');
    expect(row.error).toBe(
      'workplans/zz-copy.md: workplan id BETA-WP-0002 is also in workplans/nested/BETA-WP-0002.md',
    );
    expect((await workstream('BETA-WP-0002')).title).toBe('Beta plan');
  });

  it('a task the hub cancelled stays cancelled after an unrelated edit of the file', async () => {
    await sweep();
    const alpha = await workstream('ALPHA-WP-0001');
    const t3 = (await tasksOf(alpha.id))[2];
    await sdb.ds.manager.update(TaskEntity, { id: t3.id }, { status: 'cancelled', completed_at: new Date() });
    const path = 'workplans/ALPHA-WP-0001.md';
    writeText(root, path, readText(root, path).replace('Some prose', 'Some edited prose'));

    await sweep();
    expect((await sdb.ds.manager.findOneByOrFail(TaskEntity, { id: t3.id })).status).toBe('cancelled');

    // the file itself changing the status does apply
    writeText(
      root,
      path,
      readText(root, path).replace(/(id: ALPHA-WP-0001-T03\n)status: todo/, '$1status: in_progress'),
    );
    await sweep();
    expect((await sdb.ds.manager.findOneByOrFail(TaskEntity, { id: t3.id })).status).toBe('in_progress');
  });

  it('a domain the hub does not know is a warning; the workstream has no domain', async () => {
    writeText(root, 'workplans/GAMMA.md', workplanText({ id: 'GAMMA-1', title: 'Gamma', domain: 'nowhere' }));
    const report = await sweep();
    expect(report.warnings).toContain(
      "alpha: workplans/GAMMA.md: domain 'nowhere' is not registered; workstream kept without one",
    );
    expect((await workstream('GAMMA-1')).domain_id).toBeNull();
  });

  it('with writeback off, files are not written; a later sweep with writeback writes the ids', async () => {
    const before = readText(root, 'workplans/ALPHA-WP-0001.md');
    const off = await sweeper.sweep({ source: 'manual', writeback: false });
    expect(off.changes.files_written).toBe(0);
    expect(readText(root, 'workplans/ALPHA-WP-0001.md')).toBe(before);

    const on = await sweep();
    expect(on.changes.files_written).toBe(2);
    expect(parsed(root, 'workplans/ALPHA-WP-0001.md').stateHubWorkstreamId).toBe(
      (await workstream('ALPHA-WP-0001')).id,
    );
  });

  it('a repo whose local_path is missing fails without stopping the others', async () => {
    await seedRepo(sdb.ds, sdb.domain, { slug: 'aaa-missing', localPath: join(root, 'no-such-dir') });
    await seedRepo(sdb.ds, sdb.domain, { slug: 'zzz-archived', localPath: root, status: 'archived' });
    const report = await sweep();
    expect(report.outcome).toBe('failed');
    expect(report.repos.map((r) => [r.repo, r.outcome])).toEqual([
      ['aaa-missing', 'failed'],
      ['alpha', 'synced'],
    ]);
    expect(report.repos[0].error).toBe(`local_path ${join(root, 'no-such-dir')} does not exist`);
    expect(report.counts).toMatchObject({ repos: 2, synced: 1, failed: 1 });
    const event = await sdb.ds.manager.findOneByOrFail(ProgressEventEntity, { id: report.progress_event_id });
    expect(event.summary).toMatch(/^sweep \(manual\): 1 synced, 1 failed, 0 skipped in/);
    expect((event.detail['repos'] as { repo: string }[]).map((r) => r.repo)).toEqual(['aaa-missing']);
  });

  it('syncRepo syncs one repo, records consistency_sync_repo on it and stamps last_synced_at', async () => {
    const result = await sweeper.syncRepo('alpha', { source: 'commit-hook' });
    expect(result).toMatchObject({ repo: 'alpha', outcome: 'synced', pull: 'local' });
    expect(result.commit_sha).toMatch(/^[0-9a-f]{40}$/);
    const event = await sdb.ds.manager.findOneByOrFail(ProgressEventEntity, { event_type: SYNC_PROGRESS_EVENT });
    expect(event.id).toBe(result.progress_event_id);
    expect(event.repo_id).toBe(repo.id);
    expect(event.detail).toMatchObject({ source: 'commit-hook', repo: 'alpha', outcome: 'synced' });
    expect(event.summary).toMatch(/^sync alpha \(commit-hook\): synced, 2 file\(s\) changed, 0 error\(s\) in/);
    const stamped = await sdb.ds.query('SELECT last_synced_at FROM repos WHERE id = $1', [repo.id]);
    expect(stamped[0].last_synced_at).not.toBeNull();
  });

  it('syncRepo refuses an unknown or archived repo with a named error, recording nothing', async () => {
    await seedRepo(sdb.ds, sdb.domain, { slug: 'old', localPath: root, status: 'archived' });
    await expect(sweeper.syncRepo('nope', { source: 'api' })).rejects.toThrow(new RepoNotFoundError('nope'));
    await expect(sweeper.syncRepo('old', { source: 'api' })).rejects.toBeInstanceOf(RepoArchivedError);
    await expect(sweeper.sweep({ source: 'api', repo: 'nope' })).rejects.toThrow("repo 'nope' is not registered");
    expect(await sdb.ds.manager.countBy(ProgressEventEntity, {})).toBe(0);
  });
});
