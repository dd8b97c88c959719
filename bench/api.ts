// API benchmark: GET /repos and POST /progress-events against real Postgres, next to baselines
// measured in the same run (trivial Nest route, bare node:http, raw INSERT + COMMIT); the API's RSS idle, right after
// its load and at its peak.
// Usage: node -r @swc-node/register bench/api.ts <results.json>   (normally via `npm run bench`)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabase, rawInsertStage } from './lib/db';
import { httpStage, type StageResult } from './lib/load';
import { machineFacts } from './lib/machine';
import { cpuSeconds, peakRssMb, rssMb, type Server, startServer, stopServer } from './lib/proc';

const ROOT = join(__dirname, '..');
// BENCH_API_MAIN benchmarks another build of the API (e.g. one made from an older commit).
const API_MAIN = process.env.BENCH_API_MAIN ?? join(ROOT, 'dist/apps/state-hub-api/main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number, not '${process.env.BENCH_SECONDS}'`);
const WARMUP_SECONDS = 1;
const CONNECTIONS = 10;
const DB_CONNECTIONS = 8;
const REPOS = 50;
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

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}

interface Stage {
  key: string;
  label: string;
  unit: string;
  /** The server under load, if any: its CPU use is recorded. */
  server?: Server;
  run: () => Promise<StageResult>;
}

/** Runs the stages one after another (never two at once). */
async function runStages(stages: Stage[]): Promise<Record<string, StageResult & { serverCores?: number }>> {
  const results: Record<string, StageResult & { serverCores?: number }> = {};
  for (const [i, stage] of stages.entries()) {
    log(`stage ${i + 1}/${stages.length}: ${stage.label} ...`);
    const pid = stage.server?.child.pid;
    const [cpu0, t0] = [pid ? cpuSeconds(pid) : 0, performance.now()];
    const result = await stage.run();
    // Cores the server process kept busy (warm-up included): near 1 or above means it is CPU-bound.
    const serverCores = pid ? (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000) : undefined;
    results[stage.key] = { ...result, serverCores };
    const cores = serverCores === undefined ? '' : `, server process busy ${serverCores.toFixed(2)} cores`;
    log(`  ${fmt(result, stage.unit)}${cores}`);
  }
  return results;
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
    [API_MAIN],
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
  await new Promise((r) => setTimeout(r, 2000));
  const idleRssMb = rssMb(api.child.pid as number);
  log(`idle RSS of state-hub-api after seeding: ${idleRssMb.toFixed(1)} MB`);

  const nest = await start(
    'trivial Nest app',
    ['-r', '@swc-node/register', join(__dirname, 'servers/nest-ping.ts')],
    {},
    '/ping',
  );
  const bare = await start('bare node:http', [join(__dirname, 'servers/bare-http.js')], {}, '/');

  const http = { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS };
  const get = (key: string, label: string, server: Server, path: string): Stage => ({
    key,
    label,
    unit: 'req/s',
    server,
    run: () => httpStage({ ...http, url: server.url + path }),
  });
  const results = await runStages([
    get('bare', 'bare node:http JSON route', bare, '/'),
    get('nest', 'trivial Nest route GET /ping', nest, '/ping'),
    get('repos', 'GET /repos (page of 50)', api, '/repos'),
    {
      key: 'rawInsert',
      label: `raw INSERT + COMMIT, ${DB_CONNECTIONS} connections`,
      unit: 'tx/s',
      run: () => rawInsertStage(db.url, { ...http, connections: DB_CONNECTIONS }),
    },
    {
      key: 'events',
      label: 'POST /progress-events',
      unit: 'req/s',
      server: api,
      run: () => httpStage({ ...http, url: `${api.url}/progress-events`, method: 'POST', body: EVENT }),
    },
  ]);
  // its last stage (POST /progress-events) has just ended: the API's memory under load, and its peak over the run
  const apiPid = api.child.pid as number;
  const rss = { idle: idleRssMb, afterLoad: rssMb(apiPid), peak: peakRssMb(apiPid) };
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
