// API benchmark: GET /repos, POST /progress-events, GET /next-steps and GET /workstreams/:id against real Postgres,
// each next to the same work done by hand in the same run (bench/servers/same-work.js: node:http + pg, the API's SQL,
// the same pool size), plus a trivial Nest route, bare node:http and raw INSERT + COMMIT for information; the API's
// RSS idle, right after its load and at its peak.
// Usage: node -r @swc-node/register bench/api.ts <results.json>   (normally via `npm run bench`)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { createDatabase, dropDatabase, rawInsertStage } from './lib/db';
import { httpStage, type StageResult } from './lib/load';
import { machineFacts } from './lib/machine';
import { cpuSeconds, IDLE_WAIT_MS, peakRssMb, rssMb, type Server, startServer, stopServer } from './lib/proc';

const ROOT = join(__dirname, '..');
// BENCH_API_MAIN benchmarks another build of the API (e.g. one made from an older commit).
const API_MAIN = process.env.BENCH_API_MAIN ?? join(ROOT, 'dist/apps/state-hub-api/main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number, not '${process.env.BENCH_SECONDS}'`);
const WARMUP_SECONDS = 1;
const CONNECTIONS = 10;
const DB_CONNECTIONS = 8;
const REPOS = 50;
/** Workstreams (active, in the first repos) and tasks each: what GET /next-steps and GET /workstreams/:id read. */
const WORKSTREAMS = 10;
const TASKS_PER_WORKSTREAM = 20;
const EVENT = { event_type: 'note', summary: 'bench', repo: 'repo-1', detail: { n: 1 } };

const log = (msg: string) => console.log(`[bench:api] ${msg}`);
const fmt = (r: StageResult, unit: string) =>
  `${Math.round(r.rate).toLocaleString('en-US')} ${unit}, p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms (n=${r.count})`;

// Undone in reverse order at the end, on failure, and on Ctrl-C.
const cleanups: Array<() => Promise<void>> = [];
const servers: Server[] = [];
async function cleanup(): Promise<void> {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop())
    await fn().catch((e) => console.error('[bench:api] cleanup:', e));
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => void cleanup().finally(() => process.exit(130)));
}

async function start(name: string, args: string[], env: Record<string, string>, readyPath: string): Promise<Server> {
  log(`starting ${name}`);
  const server = await startServer(name, args, env, readyPath);
  servers.push(server);
  cleanups.push(() => stopServer(server));
  log(`${name} ready at ${server.url} (pid ${server.child.pid})`);
  return server;
}

async function send<T>(method: string, url: string, body: unknown, expected: number): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== expected) throw new Error(`${method} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}
const post = (url: string, body: unknown) => send<{ id: string }>('POST', url, body, 201);

/**
 * Times each same-work / API pair runs (see main). On this shared box one 5 s stage of the same server moves by up to
 * a third from one pass to the next; the mean of four passes spreads about 30 % less than that of two. (Every pass
 * adds its POST stages' rows to progress_events, by hand and API alike.)
 */
const PASSES = Number(process.env.BENCH_API_PASSES ?? 4);
if (!Number.isInteger(PASSES) || PASSES < 1) {
  throw new Error(`BENCH_API_PASSES must be a whole number from 1, not '${process.env.BENCH_API_PASSES}'`);
}

interface Stage {
  key: string;
  label: string;
  unit: string;
  /** The server under load, if any: its CPU use is recorded. */
  server?: Server;
  run: () => Promise<StageResult>;
  /** Runs right after the stage, before the next one starts. */
  after?: () => void;
}

/** Runs the stages one after another (never two at once). */
async function runStages(stages: Stage[]): Promise<Record<string, StageResult & { serverCores?: number }>> {
  const results: Record<string, StageResult & { serverCores?: number }> = {};
  for (const [i, stage] of stages.entries()) {
    log(`stage ${i + 1}/${stages.length}: ${stage.label} ...`);
    const pid = stage.server?.child.pid;
    const [cpu0, t0] = [pid ? cpuSeconds(pid) : 0, performance.now()];
    const result = await stage.run();
    stage.after?.();
    // Cores the server process kept busy (warm-up included): near 1 or above means it is CPU-bound.
    const serverCores = pid ? (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000) : undefined;
    results[stage.key] = { ...result, serverCores };
    const cores = serverCores === undefined ? '' : `, server process busy ${serverCores.toFixed(2)} cores`;
    log(`  ${fmt(result, stage.unit)}${cores}`);
  }
  return results;
}

type Measured = StageResult & { serverCores?: number };

/** `key#1` … `key#PASSES` → `key`: mean rate, p50, p99 and cores, counts summed, each pass's rate kept. */
function meanOfPasses(staged: Record<string, Measured>): Record<string, Measured & { passRates?: number[] }> {
  const out: Record<string, Measured & { passRates?: number[] }> = {};
  const groups = new Map<string, Measured[]>();
  for (const [key, result] of Object.entries(staged)) {
    const [base, pass] = key.split('#');
    if (pass === undefined) out[key] = result;
    else groups.set(base, [...(groups.get(base) ?? []), result]);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [base, runs] of groups) {
    const cores = runs.map((r) => r.serverCores).filter((c): c is number => c !== undefined);
    out[base] = {
      rate: mean(runs.map((r) => r.rate)),
      p50: mean(runs.map((r) => r.p50)),
      p99: mean(runs.map((r) => r.p99)),
      count: runs.reduce((n, r) => n + r.count, 0),
      serverCores: cores.length === runs.length ? mean(cores) : undefined,
      passRates: runs.map((r) => r.rate),
    };
  }
  return out;
}

async function main(outFile: string): Promise<void> {
  const machine = await machineFacts(API_MAIN);
  log(`${SECONDS} s per stage after a ${WARMUP_SECONDS} s warm-up, ${CONNECTIONS} HTTP connections`);
  const db = await createDatabase();
  cleanups.push(async () => {
    await dropDatabase(db.name);
    log(`dropped database ${db.name}`);
  });
  log(`created database ${db.name}`);

  const api = await start(
    'state-hub-api',
    [...SERVER_NODE_FLAGS, API_MAIN],
    { DATABASE_URL: db.url, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10' },
    '/state/health',
  );
  log(`seeding 1 domain and ${REPOS} repos`);
  await post(`${api.url}/domains`, { slug: 'bench', name: 'Bench' });
  for (let i = 1; i <= REPOS; i++) {
    await post(`${api.url}/repos`, {
      slug: `repo-${i}`,
      name: `Repo ${i}`,
      domain: 'bench',
      local_path: `/srv/repo-${i}`,
    });
  }
  log(`seeding ${WORKSTREAMS} active workstreams of ${TASKS_PER_WORKSTREAM} tasks`);
  const workstreams: string[] = [];
  for (let w = 1; w <= WORKSTREAMS; w++) {
    const { id } = await post(`${api.url}/workstreams`, {
      repo: `repo-${w}`,
      workplan_id: `BENCH-WP-${w}`,
      title: `Workstream ${w}`,
    });
    await send('PATCH', `${api.url}/workstreams/${id}`, { status: 'active' }, 200);
    for (let t = 1; t <= TASKS_PER_WORKSTREAM; t++) {
      await post(`${api.url}/tasks`, {
        workstream_id: id,
        task_key: `BENCH-WP-${w}-T${String(t).padStart(2, '0')}`,
        title: `Task ${t}`,
      });
    }
    workstreams.push(id);
  }
  const detail = `/workstreams/${workstreams[0]}`;
  await new Promise((r) => setTimeout(r, IDLE_WAIT_MS));
  const idleRssMb = rssMb(api.child.pid as number);
  log(`idle RSS of state-hub-api after seeding: ${idleRssMb.toFixed(1)} MB`);

  const nest = await start(
    'trivial Nest app',
    ['-r', '@swc-node/register', join(__dirname, 'servers/nest-ping.ts')],
    {},
    '/ping',
  );
  const bare = await start('bare node:http', [join(__dirname, 'servers/bare-http.js')], {}, '/');
  const same = await start(
    'the same work by hand (node:http + pg)',
    [join(__dirname, 'servers/same-work.js')],
    { DATABASE_URL: db.url, DB_POOL_SIZE: '10' },
    '/health',
  );

  const http = { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS };
  const get = (key: string, label: string, server: Server, path: string): Stage => ({
    key,
    label,
    unit: 'req/s',
    server,
    run: () => httpStage({ ...http, url: server.url + path }),
  });
  // The API's memory right after its last load stage (its POST /progress-events of the last pass), before it idles
  // through the stage after it and hands pages back.
  const apiPid = api.child.pid as number;
  let afterLoadRssMb = 0;
  const postEvent = (key: string, label: string, server: Server): Stage => ({
    key,
    label,
    unit: 'req/s',
    server,
    run: () => httpStage({ ...http, url: `${server.url}/progress-events`, method: 'POST', body: EVENT }),
    after: server === api ? () => (afterLoadRssMb = rssMb(apiPid)) : undefined,
  });
  // The four pairs run PASSES times in turn and each figure is the mean of its stages: the machine's drift during a
  // run then weighs on both sides of a ratio alike. Odd passes run each pair by hand first, even ones the API first,
  // so neither side always inherits what the other left (the rows it inserted, a cooler or warmer cache).
  const pairs = (pass: number): Stage[] =>
    [
      get('sameRepos', 'by hand: GET /repos (page of 50)', same, '/repos'),
      get('repos', 'GET /repos (page of 50)', api, '/repos'),
      get('sameNextSteps', 'by hand: GET /next-steps', same, '/next-steps'),
      get('nextSteps', 'GET /next-steps', api, '/next-steps'),
      get('sameWorkstream', `by hand: GET /workstreams/:id (${TASKS_PER_WORKSTREAM} tasks)`, same, detail),
      get('workstream', `GET /workstreams/:id (${TASKS_PER_WORKSTREAM} tasks)`, api, detail),
      postEvent('sameEvents', 'by hand: POST /progress-events', same),
      postEvent('events', 'POST /progress-events', api),
    ]
      .map((stage) => ({ ...stage, key: `${stage.key}#${pass}`, label: `${stage.label} (pass ${pass} of ${PASSES})` }))
      // every other pass runs the API first: a stage then follows its counterpart as often as it precedes it
      .flatMap((stage, i, all) => (pass % 2 === 1 ? [stage] : i % 2 === 0 ? [all[i + 1], stage] : []));
  const staged = await runStages([
    get('bare', 'bare node:http JSON route', bare, '/'),
    get('nest', 'trivial Nest route GET /ping', nest, '/ping'),
    // the passes, with the raw INSERT stage half-way through them
    ...Array.from({ length: PASSES }, (_, i) => i + 1).flatMap((pass) => [
      ...(pass === Math.floor(PASSES / 2) + 1
        ? [
            {
              key: 'rawInsert',
              label: `raw INSERT + COMMIT, ${DB_CONNECTIONS} connections`,
              unit: 'tx/s',
              run: () => rawInsertStage(db.url, { ...http, connections: DB_CONNECTIONS }),
            },
          ]
        : []),
      ...pairs(pass),
    ]),
  ]);
  const results = meanOfPasses(staged);
  const rss = { idle: idleRssMb, afterLoad: afterLoadRssMb, peak: peakRssMb(apiPid) };
  log(
    `RSS of state-hub-api right after its load stages: ${rss.afterLoad.toFixed(1)} MB (peak ${rss.peak.toFixed(1)} MB)`,
  );

  const report = {
    machine,
    settings: {
      seconds: SECONDS,
      warmupSeconds: WARMUP_SECONDS,
      connections: CONNECTIONS,
      dbConnections: DB_CONNECTIONS,
      workstreams: WORKSTREAMS,
      tasksPerWorkstream: TASKS_PER_WORKSTREAM,
      passes: PASSES,
    },
    rss,
    stages: results,
  };
  writeFileSync(outFile, JSON.stringify(report, null, 2));
}

const outFile = process.argv[2];
if (!outFile) {
  console.error('usage: node -r @swc-node/register bench/api.ts <results.json>');
  process.exit(2);
}
main(outFile)
  .then(cleanup)
  .catch(async (err: unknown) => {
    console.error('[bench:api] FAILED:', err instanceof Error ? err.message : err);
    for (const s of servers) console.error(`--- last output of ${s.name} ---\n${s.tail()}`);
    await cleanup();
    process.exit(1);
  });
