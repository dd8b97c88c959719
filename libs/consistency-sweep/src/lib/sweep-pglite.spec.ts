// The embedded database (PGlite, one connection): the sweep does all its work
// on the connection that holds its locks, so it must not wait on itself.
import { ProgressEventEntity, TaskEntity, WorkstreamEntity } from '@state-hub/db';
import {
  makeGitRepo,
  openSweepDb,
  seedRepo,
  TempDirs,
  workplanText,
  writeText,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { ConsistencySweep } from './consistency-sweep';
import { listSweeps } from './sweep-history';

describe('ConsistencySweep on PGlite', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;

  beforeAll(async () => {
    sdb = await openSweepDb({ dataDir: dirs.make('sweep-pglite-') });
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });

  it('sweeps, writes back, records the sweep, and a second sweep finds nothing to do', async () => {
    const plan = workplanText({
      id: 'EMB-1',
      title: 'Embedded',
      status: 'completed',
      tasks: [{ key: 'EMB-1-T1', title: 'Only', status: 'done' }],
    });
    const root = makeGitRepo(dirs, { 'workplans/EMB-1.md': plan });
    await seedRepo(sdb.ds, sdb.domain, { slug: 'emb', localPath: root });
    const sweeper = new ConsistencySweep(sdb.ds);

    const first = await sweeper.sweep({ source: 'local-timer' });
    expect(first).toMatchObject({ outcome: 'completed', counts: { synced: 1 } });
    expect(first.changes).toMatchObject({ workstreams_created: 1, tasks_created: 1, files_written: 1 });
    const ws = await sdb.ds.manager.findOneByOrFail(WorkstreamEntity, { workplan_id: 'EMB-1' });
    expect(ws.status).toBe('completed');
    expect(await sdb.ds.manager.countBy(TaskEntity, { workstream_id: ws.id })).toBe(1);
    expect(await sdb.ds.manager.countBy(ProgressEventEntity, { id: first.progress_event_id })).toBe(1);

    const second = await sweeper.sweep({ source: 'local-timer' });
    expect(second.files).toMatchObject({ scanned: 1, unchanged: 1, synced: 0 });
    expect((await sweeper.syncRepo('emb', { source: 'commit-hook' })).outcome).toBe('synced');
    expect((await listSweeps(sdb.ds, {})).total).toBe(2);
  });

  it('while a sweep runs, a second sweep answers skipped_lock and other queries are served between its files', async () => {
    for (const slug of ['many-1', 'many-2', 'many-3']) {
      const root = dirs.make('sweep-many-');
      for (let i = 0; i < 25; i++) {
        const id = `${slug.toUpperCase()}-${i}`;
        writeText(
          root,
          `workplans/${id}.md`,
          workplanText({ id, title: id, tasks: [{ key: `${id}-T1`, title: 't' }] }),
        );
      }
      await seedRepo(sdb.ds, sdb.domain, { slug, localPath: root });
    }
    const sweeper = new ConsistencySweep(sdb.ds);
    const order: string[] = [];
    const meanwhile: Promise<unknown>[] = [];
    let total = 0;
    const report = await sweeper.sweep({
      source: 'local-timer',
      onProgress: (e) => {
        if (e.kind === 'repo_finished') order.push(`repo ${e.index} finished`);
        if (e.kind !== 'repo_started' || e.index !== 0) return;
        total = e.total;
        meanwhile.push(sdb.ds.query('SELECT 1').then(() => order.push('SELECT 1 answered')));
        meanwhile.push(sweeper.sweep({ source: 'api' }).then((r) => order.push(`second sweep ${r.outcome}`)));
      },
    });
    order.push('first sweep done');
    await Promise.all(meanwhile);

    expect(report).toMatchObject({ outcome: 'completed', counts: { synced: total } });
    const last = order.indexOf(`repo ${total - 1} finished`);
    expect(order.indexOf('SELECT 1 answered')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('SELECT 1 answered')).toBeLessThan(last);
    expect(order.indexOf('second sweep skipped_lock')).toBeGreaterThanOrEqual(0);
    expect(order.indexOf('second sweep skipped_lock')).toBeLessThan(last);
  });
});
