// A private nats-server for the relay bench, and the raw JetStream baselines measured next to the relay.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JetStreamClient } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { percentile } from './db';
import { freePort, type Server, stopServer } from './proc';

export const NATS_SERVER = process.env.BENCH_NATS_SERVER ?? '/usr/sbin/nats-server';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts nats-server with JetStream on a free port and a temp store dir; `stop` kills it (by PID) and removes the dir. */
export async function startNats(): Promise<Server & { stop(): Promise<void> }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'state-hub-bench-nats-'));
  const child = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    lines.splice(0, Math.max(0, lines.length - 30));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const server = {
    name: 'nats-server',
    url: `nats://127.0.0.1:${port}`,
    child,
    tail: () => lines.join('\n'),
    stop: async () => {
      await stopServer(server);
      rmSync(dir, { recursive: true, force: true });
    },
  };
  for (let deadline = Date.now() + 15_000; Date.now() < deadline; await sleep(100)) {
    if (child.exitCode !== null) break;
    const nc = await connect({ servers: server.url, timeout: 1000 }).catch(() => undefined);
    if (nc) {
      await nc.close();
      return server;
    }
  }
  await server.stop();
  throw new Error(`nats-server did not start on port ${port}:\n${server.tail()}`);
}

/** Publishes every envelope (encoded in the loop, msgID = envelope id) with up to `window` acks outstanding. */
export async function rawPublish(
  js: JetStreamClient,
  prefix: string,
  envelopes: EventEnvelope[],
  window: number,
): Promise<{ rate: number; seconds: number }> {
  let next = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (next < envelopes.length) {
      const env = envelopes[next++];
      await js.publish(`${prefix}.${env.type}`, encodeEnvelope(env), { msgID: env.id });
    }
  };
  await Promise.all(Array.from({ length: window }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { rate: envelopes.length / seconds, seconds };
}

export interface LatencyResult {
  count: number;
  sent: number;
  p50: number;
  p99: number;
}

/** Collects id → arrival time for messages on `subject`, keyed by their Nats-Msg-Id header. */
export function arrivals(nc: NatsConnection, subject: string): { seen: Map<string, number>; stop(): void } {
  const seen = new Map<string, number>();
  const sub = nc.subscribe(subject, {
    callback: (_err, msg) => {
      const id = msg.headers?.get('Nats-Msg-Id');
      if (id) seen.set(id, performance.now());
    },
  });
  return { seen, stop: () => sub.unsubscribe() };
}

/**
 * Open loop at a steady rate: calls `send(i)` every 1000/rate ms for `seconds` (not waiting for the previous
 * one), then waits up to 10 s for every message; latency = arrival − the start time `send` returned.
 */
export async function steadyLatency(
  rate: number,
  seconds: number,
  seen: Map<string, number>,
  send: (i: number) => { id: string; t0: number; done: Promise<unknown> },
): Promise<LatencyResult> {
  const sent: Array<{ id: string; t0: number }> = [];
  const pending: Promise<unknown>[] = [];
  const total = Math.round(rate * seconds);
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + (i * 1000) / rate - performance.now();
    if (wait > 0) await sleep(wait);
    const { id, t0, done } = send(i);
    sent.push({ id, t0 });
    pending.push(done);
  }
  await Promise.all(pending);
  for (let deadline = Date.now() + 10_000; Date.now() < deadline && sent.some((s) => !seen.has(s.id));) await sleep(20);
  const latencies = sent.filter((s) => seen.has(s.id)).map((s) => (seen.get(s.id) as number) - s.t0);
  latencies.sort((a, b) => a - b);
  return {
    count: latencies.length,
    sent: sent.length,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}
