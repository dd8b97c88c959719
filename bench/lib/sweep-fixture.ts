// The sweep benches' data: generated git repos of workplans, registered in a database, and a timed sweep over them.
// Shared by bench/lib/sweep-worker.ts (the sweep bench) and bench/scale.ts (the 100,000-task stage).
import { ConsistencySweep, DEFAULT_SWEEP_SETTINGS, type SweepReport } from '@state-hub/consistency-sweep';
import { DomainEntity, RepoEntity } from '@state-hub/db';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';

const STATUSES = ['todo', 'progress', 'done', 'blocked'];

/** Shape of the generated data: <repos> repos × <workplans> workplans × <tasks> tasks. */
export interface FixtureShape {
  repos: number;
  workplans: number;
  tasks: number;
}

function workplan(repo: number, wp: number, tasks: number): string {
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

/** Writes the repos under root (repo-0 … repo-<n-1>), each a git repo with one commit; returns their paths. */
export function generateRepos(root: string, shape: FixtureShape): string[] {
  const dirs: string[] = [];
  for (let r = 0; r < shape.repos; r++) {
    const dir = join(root, `repo-${r}`);
    mkdirSync(join(dir, 'workplans'), { recursive: true });
    for (let w = 1; w <= shape.workplans; w++)
      writeFileSync(join(dir, 'workplans', `WP-${w}.md`), workplan(r, w, shape.tasks));
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

/** Registers the generated repos (slug repo-<i>, local path) under one domain `bench`. */
export async function registerRepos(ds: DataSource, dirs: string[]): Promise<void> {
  const domain = await ds.manager.save(ds.manager.create(DomainEntity, { slug: 'bench', name: 'Bench' }));
  await ds.manager.save(
    dirs.map((dir, i) =>
      ds.manager.create(RepoEntity, { slug: `repo-${i}`, name: `Repo ${i}`, domain_id: domain.id, local_path: dir }),
    ),
  );
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

export type TimedSweep = { ms: number } & ReturnType<typeof summary>;

/** A sweeper over the registered repos in local mode (no commit or push of written-back ids). */
export const benchSweeper = (ds: DataSource) => new ConsistencySweep(ds, DEFAULT_SWEEP_SETTINGS);

/** One full sweep, timed; throws unless it completed. */
export async function timedSweep(sweeper: ConsistencySweep): Promise<TimedSweep> {
  const start = process.hrtime.bigint();
  const report = await sweeper.sweep({ source: 'manual', maxSeconds: 3600 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (report.outcome !== 'completed') throw new Error(`sweep ended ${report.outcome}: ${report.warnings[0]}`);
  return { ms, ...summary(report) };
}
