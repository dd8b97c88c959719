// Task identity across edits of the file: renumbered and swapped tasks keep
// their rows (the written-back state_hub_task_id wins over the key), and the
// tasks of a workstream whose file vanished and came back follow the file again.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { TaskEntity, WorkstreamEntity, type RepoEntity } from '@state-hub/db';
import { parseWorkplan } from '@state-hub/workplan';
import {
  emptyReadModel,
  openSweepDb,
  readText,
  seedRepo,
  TempDirs,
  workplanText,
  writeText,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { ConsistencySweep } from './consistency-sweep';

const PATH = 'workplans/R-1.md';

/** Section tasks `## <key> — <title>` with `id: <key>`, optionally carrying the ids the hub wrote. */
function plan(tasks: { key: string; title: string; status: string; id?: string }[], workstreamId?: string): string {
  const sections = tasks.flatMap((t) => [
    `## ${t.key} — ${t.title}`,
    '',
    '```yaml',
    `id: ${t.key}`,
    `status: ${t.status}`,
    ...(t.id ? [`state_hub_task_id: "${t.id}"`] : []),
    '```',
    '',
  ]);
  const front = ['id: R-1', 'type: workplan', 'title: R', 'status: active'];
  if (workstreamId) front.push(`state_hub_workstream_id: ${workstreamId}`);
  return ['---', ...front, '---', '', ...sections].join('\n');
}

function fileTaskIds(text: string): Record<string, string | undefined> {
  const parsed = parseWorkplan(text, PATH);
  if (parsed.kind !== 'workplan') throw new Error(`${PATH} did not parse`);
  return Object.fromEntries(parsed.workplan.tasks.map((t) => [t.key, t.stateHubTaskId]));
}

describe('ConsistencySweep task identity (real Postgres)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;
  let root: string;
  let repo: RepoEntity;
  let sweeper: ConsistencySweep;

  const tasks = async () => {
    const ws = await sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { repo_id: repo.id, workplan_id: 'R-1' });
    return sdb.ds.manager.find(TaskEntity, { where: { workstream_id: ws.id }, order: { task_key: 'ASC' } });
  };
  const byKey = async () => Object.fromEntries((await tasks()).map((t) => [t.task_key, t]));
  const sweep = async () => {
    const report = await sweeper.sweep({ source: 'manual' });
    expect(report.repos[0]).toMatchObject({ outcome: 'synced', files: { errors: 0 } });
    return report;
  };

  beforeAll(async () => {
    sdb = await openSweepDb();
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });
  beforeEach(async () => {
    await emptyReadModel(sdb);
    root = dirs.make('sweep-ids-');
    repo = await seedRepo(sdb.ds, sdb.domain, { slug: 'ids', localPath: root });
    sweeper = new ConsistencySweep(sdb.ds);
  });

  it('a task inserted before renumbered tasks is new; the renumbered ones keep their rows, status and ids', async () => {
    writeText(
      root,
      PATH,
      plan([
        { key: 'T1', title: 'Step one', status: 'progress' },
        { key: 'T2', title: 'Step two', status: 'todo' },
      ]),
    );
    await sweep();
    const before = await byKey();
    const [a, b] = [before['T1'], before['T2']];
    const wsId = a.workstream_id;
    expect(a.started_at).not.toBeNull();

    const renumbered = plan(
      [
        { key: 'T1', title: 'New first', status: 'todo' },
        { key: 'T2', title: 'Step one', status: 'progress', id: a.id },
        { key: 'T3', title: 'Step two', status: 'todo', id: b.id },
      ],
      wsId,
    );
    writeText(root, PATH, renumbered);
    const report = await sweep();
    expect(report.changes).toMatchObject({ tasks_created: 1, ids_written: 1 });

    const after = await byKey();
    expect(Object.keys(after)).toEqual(['T1', 'T2', 'T3']);
    expect(after['T2']).toMatchObject({ id: a.id, title: 'Step one', status: 'in_progress', started_at: a.started_at });
    expect(after['T3']).toMatchObject({ id: b.id, title: 'Step two', status: 'todo' });
    expect([a.id, b.id]).not.toContain(after['T1'].id);
    expect(after['T1']).toMatchObject({ title: 'New first', status: 'todo' });
    // only the new task's id was written; the ids the file carried are untouched
    expect(fileTaskIds(readText(root, PATH))).toEqual({ T1: after['T1'].id, T2: a.id, T3: b.id });
    expect(readText(root, PATH).endsWith(renumbered.slice(renumbered.indexOf('## T2')))).toBe(true);
  });

  it('two tasks that swap keys keep their rows (no unique-key clash)', async () => {
    writeText(
      root,
      PATH,
      plan([
        { key: 'T1', title: 'Alpha', status: 'done' },
        { key: 'T2', title: 'Beta', status: 'todo' },
      ]),
    );
    await sweep();
    const before = await byKey();
    const ids = fileTaskIds(readText(root, PATH));

    writeText(
      root,
      PATH,
      plan(
        [
          { key: 'T1', title: 'Beta', status: 'todo', id: ids['T2'] },
          { key: 'T2', title: 'Alpha', status: 'done', id: ids['T1'] },
        ],
        before['T1'].workstream_id,
      ),
    );
    const report = await sweep();
    expect(report.changes).toMatchObject({ tasks_created: 0, tasks_updated: 2, ids_written: 0 });
    const after = await byKey();
    expect(after['T1']).toMatchObject({ id: before['T2'].id, title: 'Beta', status: 'todo' });
    expect(after['T2']).toMatchObject({ id: before['T1'].id, title: 'Alpha', status: 'done' });
  });

  it('a key taken over by id from a task the file dropped: the dropped row is renamed aside, with a warning', async () => {
    writeText(
      root,
      PATH,
      plan([
        { key: 'T1', title: 'Keep', status: 'todo' },
        { key: 'T2', title: 'Dropped', status: 'todo' },
        { key: 'T3', title: 'Moves up', status: 'todo' },
      ]),
    );
    await sweep();
    const before = await byKey();
    const ids = fileTaskIds(readText(root, PATH));
    writeText(
      root,
      PATH,
      plan([
        { key: 'T1', title: 'Keep', status: 'todo', id: ids['T1'] },
        { key: 'T2', title: 'Moves up', status: 'todo', id: ids['T3'] },
      ]),
    );
    const report = await sweep();
    const parked = `T2~${before['T2'].id}`;
    expect(report.warnings).toEqual([
      `ids: ${PATH}: task key T2 now belongs to task ${before['T3'].id} (its state_hub_task_id); ` +
        `task ${before['T2'].id}, no longer in the file, is renamed to ${parked}`,
    ]);
    const after = await byKey();
    expect(Object.keys(after).sort()).toEqual(['T1', 'T2', parked].sort());
    expect(after['T2']).toMatchObject({ id: before['T3'].id, title: 'Moves up' });
    expect(after[parked]).toMatchObject({ id: before['T2'].id, title: 'Dropped', status: 'todo' });
  });

  it('a file that vanished and came back reopens the tasks the hub cancelled meanwhile', async () => {
    const text = workplanText({
      id: 'R-1',
      title: 'R',
      tasks: [{ key: 'R-1-T1', title: 'Work', status: 'in_progress' }],
    });
    writeText(root, PATH, text);
    await sweep();
    rmSync(join(root, PATH));
    expect((await sweep()).changes.workstreams_archived).toBe(1);
    // what the stale cleanup does to the tasks of an archived workstream
    const [task] = await tasks();
    await sdb.ds.manager.update(TaskEntity, { id: task.id }, { status: 'cancelled', completed_at: new Date() });

    writeText(root, PATH, text);
    await sweep();
    const ws = await sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { repo_id: repo.id, workplan_id: 'R-1' });
    expect(ws.status).toBe('active');
    expect(await tasks()).toEqual([
      expect.objectContaining({ id: task.id, status: 'in_progress', file_status: 'in_progress', completed_at: null }),
    ]);
  });
});
