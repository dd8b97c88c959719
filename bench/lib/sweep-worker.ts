// One scale of the sweep benchmark, in a process of its own so its peak RSS is its own: generates <repos> git repos
// × <workplans> workplans × <tasks> tasks, registers them in a fresh database, then times a cold sweep, a sweep with
// no change and a sweep after one file changed. Prints one JSON line with the figures.
// Usage: node -r @swc-node/register bench/lib/sweep-worker.ts <repos> <workplans> <tasks>
import { closeDataSource, openDataSource } from '@state-hub/db';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from './db';
import { peakRssMb, rssMb } from './proc';
import { benchSweeper, generateRepos, registerRepos, timedSweep } from './sweep-fixture';

const [repos, workplans, tasks] = process.argv.slice(2, 5).map(Number);
if (![repos, workplans, tasks].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('usage: sweep-worker.ts <repos> <workplans> <tasks> (positive integers)');

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'state-hub-sweep-bench-'));
  const db = await createDatabase('sweepbench');
  try {
    const t0 = Date.now();
    const dirs = generateRepos(root, { repos, workplans, tasks });
    const generateMs = Date.now() - t0;
    const ds = await openDataSource({ url: db.url, dataDir: 'unused' });
    try {
      await registerRepos(ds, dirs);
      const sweeper = benchSweeper(ds);
      const rssBefore = rssMb(process.pid);
      // RSS right after the sweep, and the worker's peak so far
      const stage = async () => ({
        ...(await timedSweep(sweeper)),
        rssMb: rssMb(process.pid),
        peakRssMb: peakRssMb(process.pid),
      });
      const cold = await stage();
      const noChange = await stage();
      // one file changes: a task's title (a plain content edit, no new ids)
      const file = join(dirs[Math.floor(dirs.length / 2)], 'workplans', 'WP-1.md');
      writeFileSync(file, readFileSync(file, 'utf8').replace('Task 1 of', 'Task one of'));
      const oneChanged = await stage();
      console.log(
        JSON.stringify({ repos, workplans, tasks, generateMs, rssBeforeMb: rssBefore, cold, noChange, oneChanged }),
      );
    } finally {
      await closeDataSource(ds);
    }
  } finally {
    await dropDatabase(db.name);
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(`[bench:sweep] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
