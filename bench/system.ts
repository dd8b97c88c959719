// `npm run bench -- system`: what the one process of `npm start` costs at rest. The built apps/state-hub (hub +
// engine, the organisation's definitions, events from the outbox) and, as the same-run baseline, the built
// state-hub-api alone, each on a fresh embedded (PGlite) data directory: RSS after start-up settles, after a small
// load (50 repos registered, each firing the repo-registered definition), and the peak; then each is started again
// on the data directory it left (as every `npm start` after the first is) and its RSS read once settled. Creating
// the database on a first start leaves more of PGlite's WebAssembly memory touched, and that memory never shrinks.
// Writes its JSON report.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { machineFacts } from './lib/machine';
import { IDLE_WAIT_MS, peakRssMb, rssMb, type Server, startServer, stopServer } from './lib/proc';

const ROOT = join(__dirname, '..');
// After it answers, a process still starts things up for a few seconds (the engine, the first sweep); its heap trim
// then waits for 30 quiet seconds.
const SETTLE_MS = Number(process.env['SYSTEM_BENCH_SETTLE_MS'] ?? IDLE_WAIT_MS + 12_000);
const REPOS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function post(server: Server, path: string, body: unknown): Promise<void> {
  const res = await fetch(server.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${server.name}: POST ${path} answered ${res.status}: ${await res.text()}`);
}

async function measure(name: string, main: string, extraEnv: Record<string, string>) {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const start = () =>
    startServer(
      name,
      [...SERVER_NODE_FLAGS, join(ROOT, main)],
      { STATE_HUB_DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'warn', LOG_FORMAT: 'json', ...extraEnv },
      '/state/health',
    );
  try {
    const first = await start();
    let figures: { idle: number; afterLoad: number; peak: number };
    try {
      const pid = first.child.pid ?? -1;
      await sleep(SETTLE_MS);
      const idle = Math.round(rssMb(pid));
      await post(first, '/domains', { slug: 'bench', name: 'Bench' });
      for (let i = 0; i < REPOS; i++) {
        await post(first, '/repos', { slug: `r${i}`, name: `R${i}`, domain: 'bench', local_path: `/srv/r${i}` });
      }
      await sleep(SETTLE_MS);
      figures = { idle, afterLoad: Math.round(rssMb(pid)), peak: Math.round(peakRssMb(pid)) };
    } finally {
      await stopServer(first);
    }
    const again = await start();
    try {
      await sleep(SETTLE_MS);
      const restartIdle = Math.round(rssMb(again.child.pid ?? -1));
      return {
        name,
        idle_mb: figures.idle,
        after_load_mb: figures.afterLoad,
        peak_mb: figures.peak,
        restart_idle_mb: restartIdle,
      };
    } finally {
      await stopServer(again);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const out = process.argv[2];
  const api = await measure('state-hub-api', 'dist/apps/state-hub-api/main.js', {});
  const system = await measure('state-hub', 'dist/apps/state-hub/main.js', {
    ACTIVITY_DEFINITIONS_DIR: join(ROOT, 'activity-definitions'),
  });
  const report = { machine: await machineFacts(join(ROOT, 'dist/apps/state-hub/main.js')), repos: REPOS, api, system };
  console.log(JSON.stringify(report, null, 2));
  if (out) writeFileSync(out, JSON.stringify(report, null, 2));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
