// Relay benchmark: outbox → JetStream rows/s and commit → stream latency, next to a raw JetStream publish loop
// (same payloads, same Nats-Msg-Id headers), and API write req/s with events on vs off — all in one run.
// Usage: node -r @swc-node/register bench/relay.ts <results.json>   (normally via `npm run bench -- relay`)
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_NODE_FLAGS } from '@state-hub/config';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { closeDataSource, openDataSource } from '@state-hub/db';
import { encodeEnvelope } from '@state-hub/envelope';
import {
  ACTIVITY_EVENTS_STREAM,
  DEFAULT_RELAY_OPTIONS,
  ensureStream,
  JetStreamPublisher,
  outboxDbFromUrl,
} from '@state-hub/outbox';
import { apiEventStages } from './lib/api-events';
import { createDatabase, dropDatabase } from './lib/db';
import { machineFacts } from './lib/machine';
import { arrivals, NATS_SERVER, rawPublish, startNats, steadyLatency } from './lib/nats';
import { type Server, startServer, stopServer } from './lib/proc';
import { attributes, drainStage, envelope, envelopes, latencyStage, quiet, TimedStore } from './lib/relay-stages';

const ROOT = join(__dirname, '..');
const API_MAIN = process.env.BENCH_API_MAIN ?? join(ROOT, 'dist/apps/state-hub-api/main.js');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const EVENTS = Number(process.env.RELAY_BENCH_EVENTS ?? 20_000);
if (!(SECONDS > 0)) throw new Error(`BENCH_SECONDS must be a positive number, not '${process.env.BENCH_SECONDS}'`);
if (!(EVENTS >= 1000))
  throw new Error(`RELAY_BENCH_EVENTS must be at least 1000, not '${process.env.RELAY_BENCH_EVENTS}'`);
const WINDOW = 256; // raw publishes in flight
const BATCH_SIZES = [DEFAULT_RELAY_OPTIONS.batchSize, 256]; // the first is the relay's default and the headline
const STEADY_RATE = 200; // outbox rows (and raw publishes) per second in the latency stages
const WARMUP = 1000;
const RAW = { name: 'BENCH_RAW', subjects: ['bench.raw.>'], duplicateWindowMs: 2 * 60_000 };
const STREAM = ACTIVITY_EVENTS_STREAM.name; // subjects org.>
const HTTP = { seconds: SECONDS, warmupSeconds: 1, connections: 10 };

const log = (msg: string) => console.log(`[bench:relay] ${msg}`);
const int = (n: number) => Math.round(n).toLocaleString('en-US');

// Undone in reverse order at the end, on failure, and on Ctrl-C.
const cleanups: Array<() => Promise<unknown>> = [];
const servers: Server[] = [];
async function cleanup(): Promise<void> {
  for (let fn = cleanups.pop(); fn; fn = cleanups.pop())
    await fn().catch((e) => console.error('[bench:relay] cleanup:', e));
}
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => void cleanup().finally(() => process.exit(130)));
}

async function freshDatabase(tag: string): Promise<string> {
  const db = await createDatabase(tag);
  cleanups.push(() => dropDatabase(db.name).then(() => log(`dropped database ${db.name}`)));
  log(`created database ${db.name}`);
  return db.url;
}

async function startApi(name: string, env: Record<string, string>): Promise<Server> {
  const server = await startServer(
    name,
    [...SERVER_NODE_FLAGS, API_MAIN],
    { HOST: '127.0.0.1', LOG_LEVEL: 'warn', DB_POOL_SIZE: '10', ...env },
    '/state/health',
  );
  servers.push(server);
  cleanups.push(() => stopServer(server));
  log(`${name} ready at ${server.url} (pid ${server.child.pid})`);
  return server;
}

async function main(outFile: string): Promise<void> {
  const natsVersion = execFileSync(NATS_SERVER, ['--version'])
    .toString()
    .trim()
    .replace(/^nats-server: /, '');
  const machine = await machineFacts(API_MAIN, { nats: natsVersion });
  const dbUrl = await freshDatabase('relaybench');
  const db = await openDataSource({ url: dbUrl, dataDir: 'unused' }); // runs every migration
  cleanups.push(() => closeDataSource(db));

  const nats = await startNats();
  cleanups.push(() => nats.stop().then(() => log(`stopped nats-server (pid ${nats.child.pid})`)));
  log(`nats-server ${natsVersion} at ${nats.url} (pid ${nats.child.pid})`);
  const nc = await connect({ servers: nats.url });
  cleanups.push(() => nc.close());
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  await ensureStream(jsm, RAW);

  const attrs = Array.from({ length: EVENTS }, (_, i) => attributes(i));
  const bytes = encodeEnvelope(envelope(attrs[0])).length;
  log(`${int(EVENTS)} events of ~${bytes} bytes (envelope), ${JSON.stringify(attrs[0]).length}-byte attributes`);

  const raw = async () => {
    await jsm.streams.purge(RAW.name);
    const r = await rawPublish(js, 'bench.raw', envelopes(attrs), WINDOW);
    const stored = (await jsm.streams.info(RAW.name)).state.messages;
    if (stored !== EVENTS) throw new Error(`raw stream holds ${stored} messages, expected ${EVENTS}`);
    log(`  raw JetStream publish, ${WINDOW} in flight: ${int(r.rate)} msg/s (${r.seconds.toFixed(2)} s)`);
    return r;
  };
  log('warm-up: raw publish and relay drain of 1,000 events each');
  await rawPublish(js, 'bench.raw', envelopes(attrs.slice(0, WARMUP)), WINDOW);

  const publisher = new JetStreamPublisher({
    servers: nats.url,
    stream: { ...ACTIVITY_EVENTS_STREAM },
    publishTimeoutMs: 5000,
    logger: quiet,
  });
  cleanups.push(() => publisher.close());
  await publisher.start();
  for (let deadline = Date.now() + 10_000; !publisher.ready; await new Promise((r) => setTimeout(r, 50)))
    if (Date.now() > deadline) throw new Error(`relay publisher not ready: NATS is ${publisher.status}`);
  // the relay's own connection pool, as the API sets it up on a Postgres server
  const relayDb = outboxDbFromUrl(dbUrl, quiet);
  cleanups.push(() => relayDb.close());
  const store = new TimedStore(relayDb);
  const ctx = { db, store, publisher, jsm, nc, stream: STREAM, dbUrl };
  await drainStage(ctx, attrs.slice(0, WARMUP), BATCH_SIZES[0]);

  // raw, relay (each batch size), raw again: the baseline is the mean of the two raw runs around the relay's.
  const raws = [await raw()];
  const drains = [];
  for (const batchSize of BATCH_SIZES) {
    const d = await drainStage(ctx, attrs, batchSize);
    const split = `claim ${d.claimSeconds.toFixed(2)} s, mark ${d.markSeconds.toFixed(2)} s`;
    log(
      `  relay drain, batch ${batchSize}: ${int(d.rate)} rows/s (${d.seconds.toFixed(2)} s: ${split}), stream holds all`,
    );
    drains.push(d);
  }
  raws.push(await raw());

  log(`latency at a steady ${STEADY_RATE}/s for ${SECONDS} s: raw publish → receive, then commit → receive`);
  const rawSub = arrivals(nc, 'bench.raw.>');
  const rawLatency = await steadyLatency(STEADY_RATE, SECONDS, rawSub.seen, (i) => {
    const env = envelope(attrs[i % EVENTS]);
    const t0 = performance.now();
    return { id: env.id, t0, done: js.publish(`bench.raw.${env.type}`, encodeEnvelope(env), { msgID: env.id }) };
  });
  rawSub.stop();
  const relayLatency = await latencyStage(ctx, STEADY_RATE, SECONDS);
  for (const [name, r] of Object.entries({ raw: rawLatency, ...relayLatency })) {
    log(`  ${name}: p50 ${r.p50.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms (${r.count} of ${r.sent})`);
    if (r.count !== r.sent) throw new Error(`${name}: only ${r.count} of ${r.sent} messages arrived`);
  }
  await publisher.close();
  if (quiet.problems > 0) throw new Error(`the relay logged ${quiet.problems} warnings/errors (see above)`);

  log(`API writes, ${SECONDS} s per stage after a 1 s warm-up, ${HTTP.connections} connections`);
  const dbs = { on: await freshDatabase('relaybench_on'), off: await freshDatabase('relaybench_off') };
  const api = await apiEventStages(dbs, nats.url, jsm, STREAM, startApi, HTTP, log);

  const settings = { events: EVENTS, bytes, window: WINDOW, steadyRate: STEADY_RATE, ...HTTP };
  const report = { machine, settings, raws, drains, rawLatency, relayLatency, api };
  writeFileSync(outFile, JSON.stringify(report, null, 2));
}

const outFile = process.argv[2];
if (!outFile) {
  console.error('usage: node -r @swc-node/register bench/relay.ts <results.json>');
  process.exit(2);
}
main(outFile)
  .then(cleanup)
  .catch(async (err: unknown) => {
    console.error('[bench:relay] FAILED:', err instanceof Error ? err.message : err);
    for (const s of servers) console.error(`--- last output of ${s.name} ---\n${s.tail()}`);
    await cleanup();
    process.exit(1);
  });
