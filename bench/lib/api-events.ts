// API write req/s with events on (NATS_URL set: the in-process relay publishes) vs off (no NATS_URL: the outbox
// row is still written, nothing publishes it), each API on its own fresh database, plus a write with no event;
// the events-on API's RSS idle, right after its load and at its peak.
import type { JetStreamManager } from '@nats-io/jetstream';
import { Client } from 'pg';
import { httpStage, type StageResult } from './load';
import { cpuSeconds, IDLE_WAIT_MS, peakRssMb, rssMb, type Server } from './proc';

const COMMIT = { ref: 'refs/heads/main', sha: 'e83c5163316f89bfbde7d9ab23ca2e25604af290' };
const NO_EVENT = { event_type: 'note', summary: 'bench', repo: 'repo-1', detail: { n: 1 } };

export interface ApiStage extends StageResult {
  serverCores: number;
}

export interface ApiEventsResult {
  on: ApiStage;
  off: ApiStage;
  noEvent: ApiStage;
  /** Outbox rows of the events-on database still unpublished right after its last stage, and how long to 0. */
  onPendingAfter: number;
  onDrainSeconds: number;
  /** Outbox rows written by the events-on API, and messages the stream received meanwhile. */
  onRows: number;
  onStreamed: number;
  /** RSS of the events-on API (its relay publishing in-process), MB: idle after seeding, right after its
   * events-on stages, and its peak (VmHWM) at the end. */
  onRss: { idle: number; afterLoad: number; peak: number };
}

type Start = (name: string, env: Record<string, string>) => Promise<Server>;
type Opts = { seconds: number; warmupSeconds: number; connections: number };

async function post(url: string, body: unknown): Promise<void> {
  const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const res = await fetch(url, init);
  if (res.status !== 201) throw new Error(`POST ${url} answered ${res.status}: ${await res.text()}`);
}

async function seed(api: Server): Promise<void> {
  await post(`${api.url}/domains`, { slug: 'bench', name: 'Bench' });
  await post(`${api.url}/repos`, { slug: 'repo-1', name: 'Repo 1', domain: 'bench', local_path: '/srv/repo-1' });
}

async function stage(api: Server, path: string, body: unknown, opts: Opts): Promise<ApiStage> {
  const pid = api.child.pid as number;
  const [cpu0, t0] = [cpuSeconds(pid), performance.now()];
  const r = await httpStage({ ...opts, url: api.url + path, method: 'POST', body });
  return { ...r, serverCores: (cpuSeconds(pid) - cpu0) / ((performance.now() - t0) / 1000) };
}

/** Mean rate and latencies of several stages of the same kind. */
function mean(stages: ApiStage[]): ApiStage {
  const avg = (f: (s: ApiStage) => number) => stages.reduce((sum, s) => sum + f(s), 0) / stages.length;
  return {
    rate: avg((s) => s.rate),
    p50: avg((s) => s.p50),
    p99: avg((s) => s.p99),
    count: avg((s) => s.count) * stages.length,
    serverCores: avg((s) => s.serverCores),
  };
}

async function pending(url: string): Promise<{ pending: number; rows: number }> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const sql = 'SELECT count(*) FILTER (WHERE published_at IS NULL)::int AS pending, count(*)::int AS rows';
    return (await c.query(`${sql} FROM event_outbox`)).rows[0];
  } finally {
    await c.end();
  }
}

/**
 * Both APIs up and seeded, then `POST /repos/repo-1/commits` in the order off, on, on, off (drift on a shared box
 * hits both alike; each figure is the mean of its two stages), then `POST /progress-events` on the events-on API.
 */
export async function apiEventStages(
  dbs: { on: string; off: string },
  natsUrl: string,
  jsm: JetStreamManager,
  stream: string,
  start: Start,
  opts: Opts,
  log: (m: string) => void,
): Promise<ApiEventsResult> {
  await jsm.streams.purge(stream);
  const off = await start('state-hub-api (events off)', { DATABASE_URL: dbs.off });
  const on = await start('state-hub-api (events on)', { DATABASE_URL: dbs.on, NATS_URL: natsUrl });
  for (const api of [off, on]) await seed(api);
  await new Promise((res) => setTimeout(res, IDLE_WAIT_MS));
  const onIdleRss = rssMb(on.child.pid as number);
  log(`idle RSS of the events-on API after seeding: ${onIdleRss.toFixed(1)} MB`);
  for (const api of [off, on]) {
    log(`warming up ${api.name} (untimed)`);
    await httpStage({ ...opts, seconds: 2, url: `${api.url}/repos/repo-1/commits`, method: 'POST', body: COMMIT });
  }

  const runs: Record<'on' | 'off', ApiStage[]> = { on: [], off: [] };
  const catchUp = { pendingAfter: 0, seconds: 0 };
  let onLoadRss = NaN;
  for (const which of ['off', 'on', 'on', 'off'] as const) {
    log(`POST /repos/repo-1/commits, events ${which} ...`);
    const r = await stage(which === 'on' ? on : off, '/repos/repo-1/commits', COMMIT, opts);
    log(`  ${Math.round(r.rate)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, API busy ${r.serverCores.toFixed(2)} cores`);
    runs[which].push(r);
    if (which === 'on' && runs.on.length === 2) {
      onLoadRss = rssMb(on.child.pid as number);
      // How far the in-process relay was behind when the load stopped, and how long it took to catch up.
      const after = await pending(dbs.on);
      const t0 = performance.now();
      let left = after.pending;
      while (left > 0 && performance.now() - t0 < 30_000) {
        await new Promise((res) => setTimeout(res, 100));
        left = (await pending(dbs.on)).pending;
      }
      if (left > 0) throw new Error(`events-on API left ${left} outbox rows unpublished 30 s after its stage`);
      Object.assign(catchUp, { pendingAfter: after.pending, seconds: (performance.now() - t0) / 1000 });
      log(`  events-on outbox: ${after.pending} rows pending after the stage, 0 after ${catchUp.seconds.toFixed(1)} s`);
    }
  }
  log('POST /progress-events (writes no event), events-on API ...');
  const noEvent = await stage(on, '/progress-events', NO_EVENT, opts);
  log(`  ${Math.round(noEvent.rate)} req/s, p50 ${noEvent.p50} ms, p99 ${noEvent.p99} ms`);

  const onRss = { idle: onIdleRss, afterLoad: onLoadRss, peak: peakRssMb(on.child.pid as number) };
  log(
    `events-on API RSS: ${onRss.afterLoad.toFixed(1)} MB right after its events-on stages, ` +
      `peak ${onRss.peak.toFixed(1)} MB`,
  );

  const { rows } = await pending(dbs.on);
  const onStreamed = (await jsm.streams.info(stream)).state.messages;
  if (onStreamed !== rows)
    throw new Error(`events-on API wrote ${rows} outbox rows but the stream holds ${onStreamed}`);
  return {
    on: mean(runs.on),
    off: mean(runs.off),
    noEvent,
    onPendingAfter: catchUp.pendingAfter,
    onDrainSeconds: catchUp.seconds,
    onRows: rows,
    onStreamed,
    onRss,
  };
}
