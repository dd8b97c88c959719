// The activity engine's stages (drain a backlog, publish → run recorded at a steady rate) and the raw JetStream
// consume + ack baseline.
import { AckPolicy, DeliverPolicy, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { writeFileSync } from 'node:fs';
import { envelope } from './engine-setup';
import type { Pool } from 'pg';
import { percentile } from './db';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export { definitionYaml, DEFINITION_ID, envelope, EVENT_TYPE, startSink } from './engine-setup';

/** Publishes every envelope (msgID = envelope id) on subject prefix + type, `window` acks outstanding. */
export async function publishAll(js: JetStreamClient, envs: EventEnvelope[], prefix = '', window = 256) {
  let next = 0;
  const worker = async () => {
    while (next < envs.length) {
      const env = envs[next++];
      await js.publish(prefix + env.type, encodeEnvelope(env), { msgID: env.id });
    }
  };
  await Promise.all(Array.from({ length: window }, worker));
}

/** Raw baseline: a fresh durable on `stream`, consume() every message and ack it explicitly; msg/s until flushed. */
export async function rawConsumeStage(
  nc: NatsConnection,
  js: JetStreamClient,
  jsm: JetStreamManager,
  stream: string,
  envs: EventEnvelope[],
): Promise<{ rate: number; seconds: number }> {
  await jsm.streams.purge(stream);
  await publishAll(js, envs, 'bench.raw.');
  const durable = 'bench-raw-consume';
  await jsm.consumers.add(stream, {
    durable_name: durable,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.All,
  });
  try {
    const consumer = await js.consumers.get(stream, durable);
    const t0 = performance.now();
    const messages = await consumer.consume();
    let n = 0;
    for await (const m of messages) {
      m.ack();
      if (++n === envs.length) break;
    }
    await nc.flush(); // every ack has reached the server
    const seconds = (performance.now() - t0) / 1000;
    await messages.close();
    const info = await jsm.consumers.info(stream, durable);
    if (info.num_pending + info.num_ack_pending !== 0)
      throw new Error(`raw consume: ${info.num_pending} pending, ${info.num_ack_pending} unacked after the stage`);
    return { rate: envs.length / seconds, seconds };
  } finally {
    await jsm.consumers.delete(stream, durable);
  }
}

const RUNS_SQL =
  'SELECT count(*) FILTER (WHERE finished_at IS NOT NULL)::int AS done, count(*)::int AS claimed FROM activity_runs';

/**
 * Polls until the engine's durable has nothing pending or unacked and every claimed run is finished (the engine
 * acks an event only after its runs are recorded); calls `at(done)` with the finished runs on each poll.
 */
export async function waitForDrain(
  pool: Pool,
  jsm: JetStreamManager,
  consumer: { stream: string; durable: string },
  at: (done: number) => void,
  timeoutMs = Number(process.env.ENGINE_BENCH_TIMEOUT_MS ?? 120_000),
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ; await sleep(100)) {
    const { done, claimed } = (await pool.query(RUNS_SQL)).rows[0];
    at(done);
    const c = await jsm.consumers.info(consumer.stream, consumer.durable);
    if (c.num_pending + c.num_ack_pending === 0 && done === claimed) return;
    if (Date.now() > deadline)
      throw new Error(`${done} runs finished, ${claimed} claimed, ${c.num_pending + c.num_ack_pending} events left`);
  }
}

/** Indices of the envelopes the engine acked without recording a run for them. */
export async function withoutRun(pool: Pool, envs: EventEnvelope[]): Promise<number[]> {
  const keys = new Set((await pool.query('SELECT trigger_key FROM activity_runs')).rows.map((r) => r.trigger_key));
  return envs.flatMap((e, i) => (keys.has(e.id) ? [] : [i]));
}

export interface DrainResult {
  /** Runs/s from the warm-up's last finish to the last finish (the headline). */
  rate: number;
  seconds: number;
  /** Runs/s over the whole backlog, first claim (cold engine) to last finish. */
  coldRate: number;
  statuses: Record<string, number>;
}

/** Reads every run's times back: the rate over the runs after the first `warmup` to finish. */
export async function drainResult(pool: Pool, warmup: number): Promise<DrainResult> {
  const rows = (await pool.query('SELECT status, started_at, finished_at FROM activity_runs ORDER BY finished_at'))
    .rows as Array<{ status: string; started_at: Date; finished_at: Date }>;
  const statuses: Record<string, number> = {};
  for (const r of rows) statuses[r.status] = (statuses[r.status] ?? 0) + 1;
  const last = rows[rows.length - 1].finished_at.getTime();
  const seconds = (last - rows[warmup - 1].finished_at.getTime()) / 1000;
  const firstClaim = Math.min(...rows.map((r) => r.started_at.getTime()));
  return {
    rate: (rows.length - warmup) / seconds,
    seconds,
    coldRate: rows.length / ((last - firstClaim) / 1000),
    statuses,
  };
}

export interface EngineLatency {
  rate: number;
  /** Events published, the warm-up's included. */
  sent: number;
  recorded: number;
  /** The first events, published at the same rate before the timed part, and their publish → run recorded. */
  warmup: { seconds: number; events: number; p50: number; p99: number; max: number };
  /** Publish → run claimed (started_at) and publish → run finished and recorded (finished_at), ms. */
  claimed: { p50: number; p99: number };
  finished: { p50: number; p99: number; max: number };
  /** Largest delay of a publish behind its schedule, ms (the load generator keeping up). */
  slipMs: number;
}

/**
 * Open loop: one event every 1000/rate ms for `warmupSeconds` and then `seconds` more, each carrying its publish
 * time (`sent_at_ms`). The figures are of the timed part; the warm-up's own are reported beside them. An engine
 * under a steady flow is never idle, but the stage starts after ten seconds of idling, in which the sink closed
 * its keep-alive connections and the engine's caches went cold: the first tens of milliseconds after that can be
 * slower (with the heap trim after 2 quiet seconds, as until 2026-12-07, they set the p99 in most runs).
 */
export async function engineLatencyStage(
  js: JetStreamClient,
  pool: Pool,
  rate: number,
  seconds: number,
  offset: number,
  warmupSeconds: number,
): Promise<EngineLatency> {
  const sent = new Map<string, number>();
  const acks: Promise<unknown>[] = [];
  const warmupEvents = Math.round(rate * warmupSeconds);
  const total = warmupEvents + Math.round(rate * seconds);
  let slipMs = 0;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    else slipMs = Math.max(slipMs, -wait);
    const sentAt = Date.now();
    const env = envelope(offset + i, { sent_at_ms: sentAt });
    sent.set(env.id, sentAt);
    acks.push(js.publish(env.type, encodeEnvelope(env), { msgID: env.id }));
  }
  await Promise.all(acks);
  const ids = [...sent.keys()];
  const sql = 'SELECT trigger_key, started_at, finished_at FROM activity_runs WHERE trigger_key = ANY($1)';
  let rows: Array<{ trigger_key: string; started_at: Date; finished_at: Date | null }> = [];
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(100)) {
    rows = (await pool.query(sql, [ids])).rows;
    if (rows.length === total && rows.every((r) => r.finished_at)) break;
  }
  const done = rows.filter((r) => r.finished_at);
  if (process.env.BENCH_ENGINE_TIMINGS) {
    // [published, claimed, recorded, envelope id] of each event, ms since the epoch: where a stage's slow events fall
    const timings = done.map((r) => [
      sent.get(r.trigger_key),
      r.started_at.getTime(),
      r.finished_at?.getTime(),
      r.trigger_key,
    ]);
    writeFileSync(`${process.env.BENCH_ENGINE_TIMINGS}-${rate}.json`, JSON.stringify(timings));
  }
  const warmupIds = new Set(ids.slice(0, warmupEvents));
  const lat = (part: typeof rows, pick: (r: (typeof rows)[number]) => Date) =>
    part.map((r) => pick(r).getTime() - (sent.get(r.trigger_key) as number)).sort((a, b) => a - b);
  const timed = done.filter((r) => !warmupIds.has(r.trigger_key));
  const warm = lat(
    done.filter((r) => warmupIds.has(r.trigger_key)),
    (r) => r.finished_at as Date,
  );
  const claimed = lat(timed, (r) => r.started_at);
  const finished = lat(timed, (r) => r.finished_at as Date);
  return {
    rate,
    sent: total,
    recorded: done.length,
    warmup: {
      seconds: warmupSeconds,
      events: warmupEvents,
      p50: percentile(warm, 50),
      p99: percentile(warm, 99),
      max: warm[warm.length - 1],
    },
    claimed: { p50: percentile(claimed, 50), p99: percentile(claimed, 99) },
    finished: { p50: percentile(finished, 50), p99: percentile(finished, 99), max: finished[finished.length - 1] },
    slipMs,
  };
}
