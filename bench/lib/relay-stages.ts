// The relay's stages: drain a backlog of outbox rows into JetStream, and commit → stream latency at a steady rate.
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { createEnvelope, type EventEnvelope } from '@state-hub/envelope';
import {
  appendToOutbox,
  DEFAULT_RELAY_OPTIONS,
  type JetStreamPublisher,
  listenForOutboxCommits,
  OutboxRelay,
  OutboxStore,
} from '@state-hub/outbox';
import type { DataSource } from 'typeorm';
import { percentile } from './db';
import { arrivals, type LatencyResult, steadyLatency } from './nats';

/** OutboxStore that adds up the time spent in the relay's claim and mark queries. */
export class TimedStore extends OutboxStore {
  claimMs = 0;
  markMs = 0;
  override async claim(limit: number, leaseMs: number) {
    const t0 = performance.now();
    const rows = await super.claim(limit, leaseMs);
    this.claimMs += performance.now() - t0;
    return rows;
  }
  override async markPublished(ids: string[]) {
    const t0 = performance.now();
    await super.markPublished(ids);
    this.markMs += performance.now() - t0;
  }
}

export const EVENT_TYPE = 'org.statehub.repo.registered';
const INSERT_CHUNK = 1000;

/** Quiet logger for the relay and publisher: drops info, counts warnings and errors, prints the first few. */
export const quiet = {
  problems: 0,
  log: () => undefined,
  warn: (m: string) => void (quiet.problems++ < 5 && console.warn(`[bench:relay] relay warned: ${m}`)),
  error: (m: string) => void (quiet.problems++ < 5 && console.error(`[bench:relay] relay error: ${m}`)),
};

/** Attributes shaped like org.statehub.repo.registered, about 300 bytes of JSON. */
export function attributes(i: number): Record<string, unknown> {
  const slug = `bench-repository-${String(i).padStart(6, '0')}`;
  return {
    repo_id: `6f1c2b7e-4d3a-4c8e-9b1f-${String(i).padStart(12, '0')}`,
    repo_slug: slug,
    name: `Bench repository number ${i}`,
    domain: 'platform-engineering',
    remote_url: `git@github.com:example-org/${slug}.git`,
    local_path: `/srv/checkouts/example-org/${slug}`,
    default_branch: 'main',
  };
}

export const envelope = (attrs: Record<string, unknown>, timestamp?: Date): EventEnvelope =>
  createEnvelope({ type: EVENT_TYPE, publisher: 'state-hub', attributes: attrs, timestamp });

/** Fresh envelopes (new ids and timestamps) around the given attribute payloads. */
export const envelopes = (attrs: Array<Record<string, unknown>>) => attrs.map((a) => envelope(a));

/** Multi-row INSERTs into event_outbox (subject = type, as appendToOutbox writes it), then ANALYZE. */
async function insertOutbox(db: DataSource, envelopes: EventEnvelope[]): Promise<void> {
  for (let i = 0; i < envelopes.length; i += INSERT_CHUNK) {
    const chunk = envelopes.slice(i, i + INSERT_CHUNK);
    const values = chunk.map((_, j) => `($${3 * j + 1}, $${3 * j + 2}, $${3 * j + 3}::jsonb)`).join(', ');
    const params = chunk.flatMap((e) => [e.id, e.type, JSON.stringify(e)]);
    await db.query(`INSERT INTO event_outbox (id, subject, envelope) VALUES ${values}`, params);
  }
  await db.query('ANALYZE event_outbox');
}

async function streamMessages(jsm: JetStreamManager, stream: string): Promise<number> {
  return (await jsm.streams.info(stream)).state.messages;
}

export interface DrainResult {
  batchSize: number;
  rate: number;
  seconds: number;
  /** Seconds of the drain spent in claim and mark queries; the rest is publishing and waiting for acks. */
  claimSeconds: number;
  markSeconds: number;
}

/**
 * Empties event_outbox and the stream, inserts one envelope per attribute set (untimed), then times
 * `relay.drain()` until nothing is pending; fails unless the stream then holds exactly that many messages.
 */
export async function drainStage(
  ctx: { db: DataSource; store: TimedStore; publisher: JetStreamPublisher; jsm: JetStreamManager; stream: string },
  attrs: Array<Record<string, unknown>>,
  batchSize: number,
): Promise<DrainResult> {
  await ctx.db.query('TRUNCATE event_outbox');
  await ctx.jsm.streams.purge(ctx.stream);
  await insertOutbox(ctx.db, envelopes(attrs));
  const relay = new OutboxRelay(ctx.store, ctx.publisher, quiet, {
    ...DEFAULT_RELAY_OPTIONS,
    pollIntervalMs: 50,
    batchSize,
  });
  ctx.store.claimMs = ctx.store.markMs = 0;
  const t0 = performance.now();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    await relay.drain();
    if ((await ctx.store.pendingCount()) === 0) break;
    await new Promise((r) => setTimeout(r, 50)); // rows in backoff after a failed publish
  }
  const seconds = (performance.now() - t0) / 1000;
  const pending = await ctx.store.pendingCount();
  const stored = await streamMessages(ctx.jsm, ctx.stream);
  if (pending !== 0 || stored !== attrs.length) {
    throw new Error(
      `relay drain (batch ${batchSize}): ${pending} rows pending, stream holds ${stored} of ${attrs.length}`,
    );
  }
  const [claimSeconds, markSeconds] = [ctx.store.claimMs / 1000, ctx.store.markMs / 1000];
  return { batchSize, rate: attrs.length / seconds, seconds, claimSeconds, markSeconds };
}

/**
 * Relay loop running (woken by LISTEN/NOTIFY through listenForOutboxCommits, polling every 50 ms otherwise);
 * one outbox row per transaction at a steady rate. Measures insert start (= envelope timestamp) → arrival on a
 * core subscription of `org.>`, and insert start → the relay seeing the JetStream ack.
 */
export async function latencyStage(
  ctx: { db: DataSource; store: OutboxStore; publisher: JetStreamPublisher; nc: NatsConnection; dbUrl: string },
  rate: number,
  seconds: number,
): Promise<{ received: LatencyResult; acked: LatencyResult }> {
  // The drains left their rows published; fresh statistics let the claim use the pending-rows index, as it
  // does once autovacuum has analysed a table that mostly holds published history.
  await ctx.db.query('ANALYZE event_outbox');
  const acks = new Map<string, number>();
  const relay = new OutboxRelay(
    ctx.store,
    ctx.publisher,
    quiet,
    { ...DEFAULT_RELAY_OPTIONS, pollIntervalMs: 50 },
    {
      published: (event) => acks.set(event.id, performance.now()),
    },
  );
  const listener = listenForOutboxCommits(ctx.dbUrl, () => relay.wake(), quiet);
  const sub = arrivals(ctx.nc, 'org.>');
  relay.start();
  try {
    await new Promise((r) => setTimeout(r, 500)); // LISTEN connection up, loop idle
    const t0s = new Map<string, number>();
    const send = (i: number) => {
      const t0 = performance.now();
      const env = envelope(attributes(i), new Date());
      t0s.set(env.id, t0);
      const done = ctx.db.transaction((manager) => appendToOutbox(manager, env));
      return { id: env.id, t0, done };
    };
    const received = await steadyLatency(rate, seconds, sub.seen, send);
    // The acks were recorded during the same run; summarise them against the same start times.
    const ackLat = [...t0s].filter(([id]) => acks.has(id)).map(([id, t0]) => (acks.get(id) as number) - t0);
    ackLat.sort((a, b) => a - b);
    const acked = { count: ackLat.length, sent: t0s.size, p50: percentile(ackLat, 50), p99: percentile(ackLat, 99) };
    return { received, acked };
  } finally {
    sub.stop();
    await relay.stop();
    await listener.close();
  }
}
