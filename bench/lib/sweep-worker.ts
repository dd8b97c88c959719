// One scale of the sweep benchmark, in a process of its own so its peak RSS is its own: generates <repos> git repos
// × <workplans> workplans × <tasks> tasks, registers them in a fresh database, then times a cold sweep, a sweep with
// no change and a sweep after one file changed. Prints one JSON line with the figures.
// Usage: node -r @swc-node/register bench/lib/sweep-worker.ts <repos> <workplans> <tasks>
import { ConsistencySweep, DEFAULT_SWEEP_SETTINGS, type SweepReport } from '@state-hub/consistency-sweep';
import { closeDataSource, DomainEntity, openDataSource, RepoEntity } from '@state-hub/db';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, dropDatabase } from './db';
import { peakRssMb, rssMb } from './proc';

const [repos, workplans, tasks] = process.argv.slice(2, 5).map(Number);
if (![repos, workplans, tasks].every((n) => Number.isInteger(n) && n > 0))
  throw new Error('usage: sweep-worker.ts <repos> <workplans> <tasks> (positive integers)');

const STATUSES = ['todo', 'progress', 'done', 'blocked'];

function workplan(repo: number, wp: number): string {
  const id = `R${repo}-WP-${String(wp).padStart(4, '0')}`;
  const lines = [
    '---',
    `id: ${id}`,
    'type: workplan',
    `title: Generated plan ${wp} of repo ${repo}`,
    'domain: bench',
    `repo: repo-${repo}`,
    'status: active',
    'owner: bench',
    'created: 2026-11-23',
    '---',
    '',
    `# ${id}`,
    '',
    'Some prose about the plan, as a real workplan has.',
  ];
  for (let t = 1; t <= tasks; t++) {
    lines.push(
      '',
      `## T${t} — Task ${t} of ${id}`,
      '',
      '```yaml',
      `id: ${id}-T${String(t).padStart(2, '0')}`,
      `status: ${STATUSES[t % STATUSES.length]}`,
      'priority: medium',
      '```',
      '',
      `What task ${t} is about, in a sentence or two.`,
    );
  }
  return lines.join('\n') + '\n';
}

function generate(root: string): string[] {
  const dirs: string[] = [];
  for (let r = 0; r < repos; r++) {
    const dir = join(root, `repo-${r}`);
    mkdirSync(join(dir, 'workplans'), { recursive: true });
    for (let w = 1; w <= workplans; w++) writeFileSync(join(dir, 'workplans', `WP-${w}.md`), workplan(r, w));
    // a real HEAD for the per-file commit sha; the hub reads it from .git without spawning git
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: dir });
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'add', '-A'], { cwd: dir });
    execFileSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', 'commit', '-qm', 'plans'], {
      cwd: dir,
    });
    dirs.push(dir);
  }
  return dirs;
}

const summary = (r: SweepReport) => ({
  outcome: r.outcome,
  synced: r.counts.synced,
  failed: r.counts.failed,
  files: r.files,
  workstreams_created: r.changes.workstreams_created,
  tasks_created: r.changes.tasks_created,
  ids_written: r.changes.ids_written,
});

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'state-hub-sweep-bench-'));
  const db = await createDatabase('sweepbench');
  try {
    const t0 = Date.now();
    const dirs = generate(root);
    const generateMs = Date.now() - t0;
    const ds = await openDataSource({ url: db.url, dataDir: 'unused' });
    try {
      const domain = await ds.manager.save(ds.manager.create(DomainEntity, { slug: 'bench', name: 'Bench' }));
      await ds.manager.save(
        dirs.map((dir, i) =>
          ds.manager.create(RepoEntity, {
            slug: `repo-${i}`,
            name: `Repo ${i}`,
            domain_id: domain.id,
            local_path: dir,
          }),
        ),
      );
      const sweeper = new ConsistencySweep(ds, DEFAULT_SWEEP_SETTINGS);
      const rssBefore = rssMb(process.pid);
      const stage = async () => {
        const start = process.hrtime.bigint();
        const report = await sweeper.sweep({ source: 'manual', maxSeconds: 3600 });
        const ms = Number(process.hrtime.bigint() - start) / 1e6;
        if (report.outcome !== 'completed') throw new Error(`sweep ended ${report.outcome}: ${report.warnings[0]}`);
        // RSS right after the sweep, and the worker's peak so far
        return { ms, rssMb: rssMb(process.pid), peakRssMb: peakRssMb(process.pid), ...summary(report) };
      };
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
