// The 100,000-task stage: at each scale (default 100 and 1,000 repos × 10 workplans × 10 tasks) the repos of the
// sweep bench are generated and swept cold into a fresh database (the read model as the sweep builds it), then the
// no-change sweep is timed, the SQL of GET /next-steps?limit=20 and GET /tasks?status=todo&limit=50 is captured from
// the server log and explained, and the built API is loaded on each route.
// Usage: node -r @swc-node/register bench/scale.ts <results.json>   (normally via `npm run bench -- scale`)
import { closeDataSource, openDataSource } from '@state-hub/db';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { Client } from 'pg';
import { ADMIN_URL, createDatabase, dropDatabase } from './lib/db';
import { httpStage, type StageResult } from './lib/load';
import { machineFacts } from './lib/machine';
import { type Server, startServer, stopServer } from './lib/proc';
import { explain, logOffset, type QueryPlan, serverLogPath, statementsSince } from './lib/query-plans';
import { benchSweeper, generateRepos, registerRepos, type TimedSweep, timedSweep } from './lib/sweep-fixture';

const ROOT = join(__dirname, '..');
const API_MAIN = process.env.BENCH_API_MAIN ?? join(ROOT, 'dist/apps/state-hub-api/main.js');
const SCALES = (process.env.SCALE_BENCH_REPOS ?? '100,1000').split(',').map(Number);
if (!SCALES.every((n) => Number.isInteger(n) && n > 0))
  throw new Error(`SCALE_BENCH_REPOS must be positive integers separated by commas, not '${SCALES.join(',')}'`);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number, not '${process.env.BENCH_SECONDS}'`);
const WARMUP_SECONDS = 1;
const CONNECTIONS = 10;
const WORKPLANS = 10;
const TASKS = 10;
const NO_CHANGE_RUNS = 5;
const ROUTES = [
  { key: 'nextSteps', path: '/next-steps?limit=20' },
  { key: 'tasks', path: '/tasks?status=todo&limit=50' },
] as const;

/** A statement that reads the tasks table (TypeORM quotes names, plain SQL may not). */
const TASKS_QUERY = /\bFROM\s+"?tasks"?(\s|$)/i;

const log = (msg: string) => console.log(`[bench:scale] ${msg}`);

// Undone in reverse order at the end, on failure, and on Ctrl-C.
const cleanups: Array<() => Promise<void>> = [];
async function cleanup(): Promise<void> {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop())
    await fn().catch((e) => console.error('[bench:scale] cleanup:', e));
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => void cleanup().finally(() => process.exit(130)));
}
/** Registers undo to run at cleanup; the function returned runs it earlier instead (once). */
function later(undo: () => Promise<void>): () => Promise<void> {
  cleanups.push(undo);
  return async () => {
    cleanups.splice(cleanups.indexOf(undo), 1);
    await undo();
  };
}

async function sql(url: string, text: string): Promise<Record<string, unknown>[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

async function startApi(url: string): Promise<{ api: Server; stop: () => Promise<void> }> {
  const env = { DATABASE_URL: url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10' };
  const api = await startServer('state-hub-api', [...SERVER_NODE_FLAGS, API_MAIN], env, '/state/health');
  return { api, stop: later(() => stopServer(api)) };
}

/** Seeds the read model by a cold sweep, then times the no-change sweep (median of NO_CHANGE_RUNS). */
async function seed(url: string, repos: number) {
  const root = mkdtempSync(join(tmpdir(), 'state-hub-scale-bench-'));
  const removeRepos = later(async () => rmSync(root, { recursive: true, force: true }));
  let t0 = performance.now();
  const dirs = generateRepos(root, { repos, workplans: WORKPLANS, tasks: TASKS });
  const generateMs = performance.now() - t0;
  const ds = await openDataSource({ url, dataDir: 'unused' });
  try {
    await registerRepos(ds, dirs);
    const sweeper = benchSweeper(ds);
    const cold = await timedSweep(sweeper);
    log(`generated in ${(generateMs / 1000).toFixed(1)} s, cold sweep ${(cold.ms / 1000).toFixed(1)} s`);
    // what autovacuum does after a bulk load (it is off on the bench machines): statistics and visibility map
    t0 = performance.now();
    await ds.query('VACUUM (ANALYZE)');
    const vacuumMs = performance.now() - t0;
    const noChange: TimedSweep[] = [];
    for (let i = 0; i < NO_CHANGE_RUNS; i++) noChange.push(await timedSweep(sweeper));
    if (noChange.some((s) => s.files.unchanged !== s.files.scanned))
      throw new Error('a no-change sweep found changed files');
    const sorted = noChange.map((s) => s.ms).sort((a, b) => a - b);
    log(`no-change sweeps ${sorted.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    return { generateMs, coldMs: cold.ms, vacuumMs, noChangeMs: sorted, files: cold.files.scanned };
  } finally {
    await closeDataSource(ds);
    await removeRepos();
  }
}

/** The plans of each route's task queries: SQL captured with log_statement = 'all' from one request each. */
async function capturePlans(db: { name: string; url: string }, logPath: string) {
  await sql(ADMIN_URL, `ALTER DATABASE ${db.name} SET log_statement = 'all'`);
  const plans: Record<string, QueryPlan[]> = {};
  const { api, stop } = await startApi(db.url);
  try {
    for (const route of ROUTES) {
      const offset = logOffset(logPath);
      const res = await fetch(api.url + route.path);
      if (res.status !== 200) throw new Error(`GET ${route.path} answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      await new Promise((r) => setTimeout(r, 200)); // the log is written by the server, asynchronously to us
      const statements = statementsSince(logPath, offset, db.name).filter((s) => TASKS_QUERY.test(s.sql));
      if (!statements.length) throw new Error(`no query on tasks logged for GET ${route.path} in ${logPath}`);
      plans[route.key] = [];
      for (const s of statements) plans[route.key].push(await explain(db.url, s));
    }
  } finally {
    await stop();
    await sql(ADMIN_URL, `ALTER DATABASE ${db.name} RESET log_statement`);
  }
  return plans;
}

async function counts(url: string) {
  const [row] = await sql(
    url,
    `SELECT (SELECT count(*) FROM repos)::int AS repos, (SELECT count(*) FROM workstreams)::int AS workstreams,
            count(*)::int AS tasks, (count(*) FILTER (WHERE status IN ('todo', 'in_progress')))::int AS open,
            (count(*) FILTER (WHERE status = 'todo'))::int AS todo
       FROM tasks`,
  );
  return row as { repos: number; workstreams: number; tasks: number; open: number; todo: number };
}

async function scale(repos: number, logPath: string) {
  log(`${repos} repos × ${WORKPLANS} workplans × ${TASKS} tasks …`);
  const db = await createDatabase('scalebench');
  const drop = later(() => dropDatabase(db.name));
  try {
    const sweep = await seed(db.url, repos);
    const rows = await counts(db.url);
    log(`${rows.tasks.toLocaleString('en-US')} tasks (${rows.open} open, ${rows.todo} todo)`);
    const plans = await capturePlans(db, logPath);
    const { api, stop } = await startApi(db.url);
    const load: Record<string, StageResult> = {};
    try {
      for (const route of ROUTES) {
        const http = { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS };
        load[route.key] = await httpStage({ ...http, url: api.url + route.path });
        const r = load[route.key];
        log(`GET ${route.path}: ${Math.round(r.rate)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms`);
      }
    } finally {
      await stop();
    }
    return { ...rows, sweep, plans, load };
  } finally {
    await drop();
  }
}

async function main(outFile: string): Promise<void> {
  // BENCH_API_SOURCE says what a build outside this checkout (BENCH_API_MAIN) was made from
  const machine = await machineFacts(API_MAIN);
  if (process.env.BENCH_API_SOURCE) machine.source = process.env.BENCH_API_SOURCE;
  const logPath = serverLogPath(machine.postgres);
  logOffset(logPath); // fail before seeding if the log cannot be read
  const started = performance.now();
  const scales = [];
  for (const repos of SCALES) scales.push(await scale(repos, logPath));
  const report = {
    machine,
    settings: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS },
    workplans: WORKPLANS,
    tasksPerWorkplan: TASKS,
    routes: ROUTES,
    minutes: (performance.now() - started) / 60_000,
    scales,
  };
  writeFileSync(outFile, JSON.stringify(report, null, 2));
}

const outFile = process.argv[2];
if (!outFile) {
  console.error('usage: node -r @swc-node/register bench/scale.ts <results.json>');
  process.exit(2);
}
main(outFile)
  .then(cleanup)
  .catch(async (err: unknown) => {
    console.error('[bench:scale] FAILED:', err instanceof Error ? err.message : err);
    await cleanup();
    process.exit(1);
  });
