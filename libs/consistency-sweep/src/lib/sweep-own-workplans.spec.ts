// Sweeps a copy of this project's own workplans (the real format, as people
// write it): everything parses and syncs, and the writeback changes id lines
// only.
import { cpSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { WorkstreamEntity } from '@state-hub/db';
import {
  gitSync,
  makeGitRepo,
  openSweepDb,
  readText,
  seedRepo,
  TempDirs,
  withoutIdLines,
  type SweepDb,
} from '../testing/sweep-fixtures';
import { ConsistencySweep } from './consistency-sweep';

const OWN_WORKPLANS = resolve(__dirname, '../../../../workplans');

describe('sweeping a copy of /workplans', () => {
  const dirs = new TempDirs();
  let sdb: SweepDb;

  beforeAll(async () => {
    sdb = await openSweepDb();
  });
  afterAll(async () => {
    await sdb?.close();
    dirs.cleanup();
  });

  it('syncs every workplan and writes back nothing but id lines', async () => {
    const root = makeGitRepo(dirs, { 'README.md': '# copy\n' });
    cpSync(OWN_WORKPLANS, join(root, 'workplans'), { recursive: true });
    gitSync(root, 'add', '-A');
    gitSync(root, 'commit', '--quiet', '-m', 'copy workplans');
    const names = readdirSync(join(root, 'workplans')).filter((n) => n.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    const before = new Map(names.map((n) => [n, readText(root, `workplans/${n}`)]));
    await seedRepo(sdb.ds, sdb.domain, { slug: 'state-hub', localPath: root });

    const report = await new ConsistencySweep(sdb.ds).sweep({ source: 'manual' });
    expect(report.outcome).toBe('completed');
    expect(report.files.errors).toBe(0);
    expect(report.files.synced).toBe(names.length);
    expect(await sdb.ds.manager.countBy(WorkstreamEntity, {})).toBe(names.length);

    for (const name of names) {
      const after = readText(root, `workplans/${name}`);
      expect(withoutIdLines(after)).toBe(withoutIdLines(before.get(name) ?? ''));
      expect(after).toMatch(/^state_hub_workstream_id: [0-9a-f-]{36}$/m);
    }
    const changed = gitSync(root, 'diff', '--unified=0')
      .split('\n')
      .filter((l) => /^[+-](?![+-])/.test(l));
    expect(changed.length).toBe(report.changes.ids_written);
    expect(changed.every((l) => /^\+\s*(?:- )?state_hub_(workstream|task)_id: /.test(l))).toBe(true);
  });
});
