// Activity engine benchmark: events/s through match + rule + no-op HTTP instruction + run recorded, next to raw
// JetStream consume + ack and raw INSERT + COMMIT measured in the same run; publish → run recorded at a steady
// rate; the engine's RSS. Usage: node -r @swc-node/register bench/engine.ts <results.json>
// (normally via `npm run bench -- engine`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { closeDataSource, openDataSource } from '@state-hub/db';
import { encodeEnvelope } from '@state-hub/envelope';
import { ACTIVITY_EVENTS_STREAM, ensureStream } from '@state-hub/outbox';
import { Pool } from 'pg';
import { createDatabase, dropDatabase, rawInsertStage, rawTwoCommitLatency } from './lib/db';
import * as stages from './lib/engine-stages';
import { machineFacts } from './lib/machine';
import { arrivals, NATS_SERVER, startNats, steadyLatency } from './lib/nats';
import { cpuSeconds, IDLE_WAIT_MS, peakRssMb, rssMb, type Server, startServer, stopServer } from './lib/proc';

const ROOT = join(__dirname, '..');
const ENGINE_MAIN = process.env.BENCH_ENGINE_MAIN ?? join(ROOT, 'dist/apps/event-consumer/main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const EVENTS = Number(process.env.ENGINE_BENCH_EVENTS ?? 5000);
if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number, not '${process.env.BENCH_SECONDS}'`);
if (!(EVENTS >= 1000))
  throw new Error(`ENGINE_BENCH_EVENTS must be at least 1000, not '${process.env.ENGINE_BENCH_EVENTS}'`);
const WARMUP = 500; // backlog events the engine runs before the timed part of its drain
const RATES = [200, 500]; // steady events/s in the latency stages
const LATENCY_WARMUP_SECONDS = 1; // at the stage's rate, before its timed part (reported on its own)
const DB_CONNECTIONS = 8;
const RAW = { name: 'BENCH_RAW', subjects: ['bench.raw.>'], duplicateWindowMs: 2 * 60_000 };
const STREAM = ACTIVITY_EVENTS_STREAM.name;

const log = (msg: string) => console.log(`[bench:engine] ${msg}`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Undone in reverse order at the end, on failure, and on Ctrl-C.
const cleanups: Array<() => Promise<unknown>> = [];
let engine: Server | undefined;
async function cleanup(): Promise<void> {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop())
    await fn().catch((e) => console.error('[bench:engine] cleanup:', e));
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => void cleanup().finally(() => process.exit(130)));
}

async function main(outFile: string): Promise<void> {
  const natsVersion = execFileSync(NATS_SERVER, ['--version'])
    .toString()
    .trim()
    .replace(/^nats-server: /, '');
  const machine = await machineFacts(ENGINE_MAIN, { nats: natsVersion });
  const db = await createDatabase('enginebench');
  cleanups.push(() => dropDatabase(db.name).then(() => log(`dropped database ${db.name}`)));
  log(`created database ${db.name}`);
  await closeDataSource(await openDataSource({ url: db.url, dataDir: 'unused' })); // every migration, as the engine
  const pool = new Pool({ connectionString: db.url, max: 2 });
  cleanups.push(() => pool.end());

  const nats = await startNats();
  cleanups.push(() => nats.stop().then(() => log(`stopped nats-server (pid ${nats.child.pid})`)));
  log(`nats-server ${natsVersion} at ${nats.url} (pid ${nats.child.pid})`);
  const nc = await connect({ servers: nats.url });
  cleanups.push(() => nc.close());
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureStream(jsm, RAW);
  await ensureStream(jsm, { ...ACTIVITY_EVENTS_STREAM });

  const sink = await stages.startSink();
  cleanups.push(() => sink.close());
  const defsDir = mkdtempSync(join(tmpdir(), 'state-hub-bench-defs-'));
  cleanups.push(async () => rmSync(defsDir, { recursive: true, force: true }));
  writeFileSync(join(defsDir, 'bench-engine-noop.yaml'), stages.definitionYaml(sink.url));
  const bytes = encodeEnvelope(stages.envelope(0)).length;

  const raw = { consume: [] as Array<{ rate: number }>, insert: [] as Array<{ rate: number }> };
  const baselines = async () => {
    const envs = Array.from({ length: EVENTS }, (_, i) => stages.envelope(i));
    const c = await stages.rawConsumeStage(nc, js, jsm, RAW.name, envs);
    log(`  raw durable consume() + ack: ${int(c.rate)} msg/s (${c.seconds.toFixed(2)} s)`);
    const ins = await rawInsertStage(db.url, { connections: DB_CONNECTIONS, seconds: SECONDS, warmupSeconds: 1 });
    log(`  raw INSERT + COMMIT, ${DB_CONNECTIONS} connections: ${int(ins.rate)} tx/s`);
    raw.consume.push(c);
    raw.insert.push(ins);
  };
  log(`baselines (before the engine): ${int(EVENTS)} messages of ${bytes} bytes; INSERTs for ${SECONDS} s`);
  await baselines();

  log(`publishing a backlog of ${int(WARMUP)} + ${int(EVENTS)} events on ${stages.EVENT_TYPE}, engine not running`);
  const backlog = Array.from({ length: WARMUP + EVENTS }, (_, i) => stages.envelope(i));
  await stages.publishAll(js, backlog, '');
  const env = {
    NATS_URL: nats.url,
    NATS_STREAM: STREAM,
    ENGINE_DURABLE: 'bench-engine',
    DATABASE_URL: db.url,
    ACTIVITY_DEFINITIONS_DIR: defsDir,
    ENGINE_DATA_DIR: join(defsDir, '.engine'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  const spawned = performance.now();
  engine = await startServer('event-consumer', [...SERVER_NODE_FLAGS, ENGINE_MAIN], env, '/health');
  const server = engine;
  const pid = server.child.pid as number;
  cleanups.push(() => stopServer(server).then(() => log(`stopped event-consumer (pid ${pid})`)));
  const health = (await (await fetch(`${server.url}/health`)).json()) as { definitions?: { loaded?: number } };
  log(
    `event-consumer up at ${server.url} (pid ${pid}) after ${int(performance.now() - spawned)} ms: ` +
      `definitions ${JSON.stringify(health.definitions)}`,
  );
  if (health.definitions?.loaded !== 1) throw new Error(`the bench definition did not load: ${JSON.stringify(health)}`);

  const cpu = { warm: NaN, end: NaN };
  const consumer = { stream: STREAM, durable: env.ENGINE_DURABLE };
  await stages.waitForDrain(pool, jsm, consumer, (done) => {
    if (done >= WARMUP && Number.isNaN(cpu.warm)) cpu.warm = cpuSeconds(pid);
  });
  cpu.end = cpuSeconds(pid);
  const drain = await stages.drainResult(pool, WARMUP);
  const engineCores = (cpu.end - cpu.warm) / drain.seconds;
  log(
    `  engine drain: ${int(drain.rate)} events/s after the warm-up (${drain.seconds.toFixed(2)} s, engine ` +
      `${engineCores.toFixed(2)} cores), ${int(drain.coldRate)} events/s from a cold start; ${JSON.stringify(drain.statuses)}`,
  );
  // Every event of the backlog is acked by now; one without a run was dropped by the engine: reported, not hidden.
  const unrun = await stages.withoutRun(pool, backlog);
  if (unrun.length)
    log(`  ENGINE DROPPED ${unrun.length} events: acked, no run (backlog indices ${unrun[0]} … ${unrun.at(-1)})`);
  const recorded = WARMUP + EVENTS - unrun.length;
  if (recorded < WARMUP + 1000) throw new Error(`only ${recorded} runs recorded; too few to time the drain`);
  if (drain.statuses.succeeded !== recorded)
    throw new Error(`not every run succeeded: ${JSON.stringify(drain.statuses)}`);
  if (sink.count() !== recorded) throw new Error(`the sink saw ${sink.count()} requests, not ${recorded}`);
  const rssAfterDrain = rssMb(pid);

  log('baselines again (engine running, idle)');
  await baselines();

  const latency = [];
  let offset = WARMUP + EVENTS;
  for (const rate of RATES) {
    log(
      `steady ${rate} events/s for ${SECONDS} s: raw publish → receive, then publish → run recorded ` +
        `(after ${LATENCY_WARMUP_SECONDS} s at that rate)`,
    );
    const sub = arrivals(nc, 'bench.raw.>');
    const rawLat = await steadyLatency(rate, SECONDS, sub.seen, (i) => {
      const e = stages.envelope(i);
      const t0 = performance.now();
      return { id: e.id, t0, done: js.publish(`bench.raw.${e.type}`, encodeEnvelope(e), { msgID: e.id }) };
    });
    sub.stop();
    const rawCommits = await rawTwoCommitLatency(db.url, { rate, seconds: SECONDS, connections: DB_CONNECTIONS });
    await sleep(500);
    const e = await stages.engineLatencyStage(js, pool, rate, SECONDS, offset, LATENCY_WARMUP_SECONDS);
    offset += e.sent;
    log(
      `  raw: p50 ${rawLat.p50.toFixed(2)} ms, p99 ${rawLat.p99.toFixed(2)} ms; raw claim + outcome commits: p50 ` +
        `${rawCommits.p50.toFixed(1)} ms, p99 ${rawCommits.p99.toFixed(1)} ms; engine: claimed p50 ` +
        `${e.claimed.p50} / p99 ${e.claimed.p99} ms, recorded p50 ${e.finished.p50} / p99 ${e.finished.p99} / ` +
        `max ${e.finished.max} ms; its first ${e.warmup.seconds} s: p50 ${e.warmup.p50} / p99 ${e.warmup.p99} / ` +
        `max ${e.warmup.max} ms (${e.recorded} of ${e.sent}; publisher slip ≤ ${e.slipMs.toFixed(1)} ms)`,
    );
    if (e.recorded !== e.sent) throw new Error(`only ${e.recorded} of ${e.sent} runs recorded at ${rate}/s`);
    latency.push({ ...e, raw: rawLat, rawCommits });
    await sleep(1000);
  }

  await sleep(IDLE_WAIT_MS);
  const rss = { idle: rssMb(pid), afterDrain: rssAfterDrain, peak: peakRssMb(pid) };
  log(`engine RSS: ${rss.idle.toFixed(1)} MB idle after the load (peak ${rss.peak.toFixed(1)} MB)`);
  if (server.tail()) log(`the engine logged (LOG_LEVEL=warn):\n${server.tail()}`);

  const settings = {
    events: EVENTS,
    warmup: WARMUP,
    bytes,
    seconds: SECONDS,
    latencyWarmupSeconds: LATENCY_WARMUP_SECONDS,
    idleWaitMs: IDLE_WAIT_MS,
    dbConnections: DB_CONNECTIONS,
  };
  const dropped = { count: unrun.length, first: unrun[0] ?? null, last: unrun.at(-1) ?? null };
  const report = { machine, settings, raw, drain, engineCores, latency, rss, dropped };
  writeFileSync(outFile, JSON.stringify(report, null, 2));
}

const outFile = process.argv[2];
if (!outFile) {
  console.error('usage: node -r @swc-node/register bench/engine.ts <results.json>');
  process.exit(2);
}
main(outFile)
  .then(cleanup)
  .catch(async (err: unknown) => {
    console.error('[bench:engine] FAILED:', err instanceof Error ? err.message : err);
    if (engine) console.error(`--- last output of ${engine.name} ---\n${engine.tail()}`);
    await cleanup();
    process.exit(1);
  });
