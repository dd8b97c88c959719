// Consistency-sweep benchmark: for each scale (default 10, 100, 300 repos × 10 workplans × 10 tasks) a worker
// process generates the repos, registers them in a fresh database and times a cold sweep, a no-change sweep and a
// one-file-changed sweep, with its peak RSS. The cold sweep is the baseline of the same run.
// Usage: node -r @swc-node/register bench/sweep.ts <results.json>   (normally via `npm run bench -- sweep`)
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { machineFacts } from './lib/machine';

const ROOT = join(__dirname, '..');
const SCALES = (process.env.SWEEP_BENCH_SCALES ?? '10,100,300').split(',').map(Number);
const WORKPLANS = 10;
const TASKS = 10;
if (!SCALES.every((n) => Number.isInteger(n) && n > 0))
  throw new Error(`SWEEP_BENCH_SCALES must be positive integers separated by commas, not '${SCALES.join(',')}'`);

const log = (msg: string) => console.log(`[bench:sweep] ${msg}`);

async function main(outFile: string): Promise<void> {
  // libs/ are what is measured: the commit they come from, "+dirty" when changed
  const machine = await machineFacts(join(ROOT, 'libs/consistency-sweep/src/index.ts'));
  const scales = [];
  for (const repos of SCALES) {
    log(`${repos} repos × ${WORKPLANS} workplans × ${TASKS} tasks …`);
    const r = spawnSync(
      process.execPath,
      [
        '-r',
        '@swc-node/register',
        join(__dirname, 'lib/sweep-worker.ts'),
        String(repos),
        String(WORKPLANS),
        String(TASKS),
      ],
      { cwd: ROOT, env: process.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 30 * 60_000 },
    );
    if (r.status !== 0) throw new Error(`the worker for ${repos} repos failed (exit ${r.status ?? r.signal})`);
    const figures = JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}');
    log(
      `cold ${figures.cold.ms.toFixed(0)} ms, no change ${figures.noChange.ms.toFixed(0)} ms, ` +
        `one file ${figures.oneChanged.ms.toFixed(0)} ms, peak RSS ${figures.oneChanged.peakRssMb.toFixed(0)} MB`,
    );
    scales.push(figures);
  }
  writeFileSync(
    outFile,
    JSON.stringify({
      machine: { ...machine, date: new Date().toISOString() },
      workplans: WORKPLANS,
      tasks: TASKS,
      scales,
    }),
  );
}

main(process.argv[2] ?? join(ROOT, 'sweep-bench.json')).catch((err) => {
  console.error(`[bench:sweep] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
