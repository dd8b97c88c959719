// What the sweep must never read or write: files outside the repo reached
// through symbolic links, and files whose bytes a writeback would change
// beyond the id lines (not valid UTF-8). A path it cannot read is reported
// with the real reason, not as missing.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkplanFileEntity, WorkstreamEntity } from '@state-hub/db';
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

describe('ConsistencySweep file safety (real Postgres)', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;

  const workstreams = () => sdb.ds.manager.count(WorkstreamEntity);
  const syncOnce = async (slug: string, localPath: string, onEvents?: () => void) => {
    await seedRepo(sdb.ds, sdb.domain, { slug, localPath });
    const outbox = onEvents && { committed: onEvents, relayPublishingHere: () => false };
    return new ConsistencySweep(sdb.ds, undefined, outbox).syncRepo(slug, { source: 'manual' });
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
  });

  it('a workplan folder that resolves outside local_path fails the repo and touches nothing there', async () => {
    const outside = dirs.make('sweep-outside-');
    const text = workplanText({ id: 'OUT-1', title: 'Outside' });
    writeText(outside, 'OUT-1.md', text);
    const root = dirs.make('sweep-repo-');
    symlinkSync(outside, join(root, 'workplans'));

    const result = await syncOnce('escape', root);
    expect(result.outcome).toBe('failed');
    expect(result.error).toBe(`workplan folder workplans resolves to ${outside}, outside local_path ${root}`);
    expect(readText(outside, 'OUT-1.md')).toBe(text);
    expect(await workstreams()).toBe(0);
  });

  it('symbolic links inside the workplan folder are not followed, each with a warning naming it', async () => {
    const outside = dirs.make('sweep-outside-');
    const text = workplanText({ id: 'OUT-1', title: 'Outside' });
    writeText(outside, 'plans/OUT-1.md', text);
    const root = dirs.make('sweep-repo-');
    writeText(root, 'workplans/IN-1.md', workplanText({ id: 'IN-1', title: 'Inside' }));
    symlinkSync(join(outside, 'plans/OUT-1.md'), join(root, 'workplans/OUT-1.md'));
    symlinkSync(join(outside, 'plans'), join(root, 'workplans/more'));

    const result = await syncOnce('links', root);
    expect(result).toMatchObject({ outcome: 'synced', files: { scanned: 1, synced: 1 } });
    expect(result.warnings).toEqual([
      'workplans/OUT-1.md: symbolic link not followed',
      'workplans/more: symbolic link not followed',
    ]);
    expect(readText(outside, 'plans/OUT-1.md')).toBe(text);
    expect(await workstreams()).toBe(1);
  });

  it('a file swapped for a symbolic link before its writeback is not written through the link', async () => {
    const root = dirs.make('sweep-repo-');
    const path = 'workplans/SWAP-1.md';
    writeText(root, path, workplanText({ id: 'SWAP-1', title: 'Swap' }));
    await seedRepo(sdb.ds, sdb.domain, { slug: 'swap', localPath: root });
    await new ConsistencySweep(sdb.ds).syncRepo('swap', { source: 'manual', writeback: false });
    const completed = workplanText({ id: 'SWAP-1', title: 'Swap', status: 'completed' });
    writeText(root, path, completed);

    // the completion event's callback runs after the file's transaction and before its writeback
    const outside = join(dirs.make('sweep-outside-'), 'SWAP-1.md');
    writeFileSync(outside, completed);
    const swap = () => {
      rmSync(join(root, path));
      symlinkSync(outside, join(root, path));
    };
    const outbox = { committed: swap, relayPublishingHere: () => false };
    const result = await new ConsistencySweep(sdb.ds, undefined, outbox).syncRepo('swap', { source: 'manual' });
    expect(result.changes).toMatchObject({ workstreams_completed: 1, files_written: 0 });
    expect(result.warnings).toEqual([`${path}: ids not written back: ${path} is a symbolic link now`]);
    expect(readFileSync(outside, 'utf8')).toBe(completed);
  });

  it('a local_path that is a symbolic link to a repo is swept', async () => {
    const real = dirs.make('sweep-repo-');
    writeText(real, 'workplans/LINKED-1.md', workplanText({ id: 'LINKED-1', title: 'Linked' }));
    const link = join(dirs.make('sweep-links-'), 'repo');
    symlinkSync(real, link);
    const result = await syncOnce('linked', link);
    expect(result).toMatchObject({ outcome: 'synced', files: { synced: 1 }, changes: { files_written: 1 } });
    expect(readText(real, 'workplans/LINKED-1.md')).toMatch(/^state_hub_workstream_id: /m);
  });

  it('a local_path that cannot be read is reported with the reason, not as missing', async () => {
    const loop = join(dirs.make('sweep-loop-'), 'repo');
    symlinkSync(loop, loop);
    const result = await syncOnce('loop', loop);
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(new RegExp(`^local_path ${loop} cannot be read: ELOOP: `));
  });

  it('a file that is not valid UTF-8 is an error and keeps every byte', async () => {
    const root = dirs.make('sweep-repo-');
    const path = 'workplans/LATIN-1.md';
    const text = workplanText({ id: 'LATIN-1', title: 'Latin', tasks: [{ key: 'LATIN-1-T1', title: 'a' }] });
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]); // latin-1 "café"
    writeText(root, path, '');
    writeFileSync(join(root, path), bytes);
    writeText(root, 'workplans/OK-1.md', workplanText({ id: 'OK-1', title: 'Fine' }));

    const result = await syncOnce('latin', root);
    const line = text.split('\n').length;
    const reason = `${path}:${line}: not valid UTF-8 (writeback would change other bytes)`;
    expect(result).toMatchObject({ outcome: 'synced', files: { scanned: 2, synced: 1, errors: 1 } });
    expect(result.warnings).toEqual([reason]);
    expect(readFileSync(join(root, path)).equals(bytes)).toBe(true);
    expect(await sdb.ds.manager.findOneByOrFail(WorkplanFileEntity, { path })).toMatchObject({
      status: 'error',
      error: reason,
    });
    expect(await workstreams()).toBe(1);
  });
});
