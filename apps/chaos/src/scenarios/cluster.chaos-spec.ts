// Chaos on a three-node JetStream cluster (R3 streams and consumer, NATS_URL
// listing all three nodes): kill -9 the stream leader under write load from two
// hubs, kill -9 the consumer leader mid-drain, and lose two of three nodes (no
// quorum: the stream refuses writes, the outbox absorbs them). Each scenario
// prints one figure line and fails on any loss, duplicate or failed request.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually, type NatsCluster, readStreamOnceItHolds } from '@state-hub/testing';
import { type ChaosStack, runsOf, startClusterChaosStack } from '../testing/chaos-stack';
import { commitLoad, type Load, registerRepo, until } from '../testing/load';

const DEFINITION = 'chaos.cluster';
const COMMIT_SUBJECT = 'org.repo.commit.pushed';
const definition = (files: { write(name: string, yaml: string): void }, sink: { url: string }) =>
  files.write(
    'cluster.yaml',
    `id: ${DEFINITION}\ntrigger: { trigger_type: event, event_type: ${COMMIT_SUBJECT} }\n` +
      `instruction: { kind: http, method: POST, url: '${sink.url}/commit', timeout_seconds: 5 }\n`,
  );

interface Tally {
  expected: number;
  inStream: number;
  runs: number;
  duplicates: number;
  lost: number;
  failed: number;
  sinkRequests: number;
  backlog: number;
}

/** Waits until every commit ran, then counts what is in the stream, the run table and the sink. */
async function tally(stack: ChaosStack<NatsCluster>, load: Load, commits: number): Promise<Tally> {
  const expected = 1 + commits; // repo registered + every commit
  const events = await readStreamOnceItHolds(stack.nats.url, expected, { timeoutMs: 90_000 });
  const commitEvents = events.filter((e) => e.subject === COMMIT_SUBJECT);
  const rows = await eventually(
    async () => {
      const rows = await runsOf(stack, DEFINITION);
      expect(rows.length).toBeGreaterThanOrEqual(commits);
      expect(rows.filter((r) => r.status === 'running')).toEqual([]);
      return rows;
    },
    { timeoutMs: 120_000, intervalMs: 250 },
  );
  const msgIds = new Set(events.map((e) => e.msgId));
  const triggerKeys = new Set(rows.map((r) => r.trigger_key));
  const sinkKeys = stack.sink.requests.map((r) => String(r.headers['idempotency-key']));
  const [{ n: backlog }] = await stack.hubQuery<{ n: number }>(
    'SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL',
  );
  return {
    expected,
    inStream: events.length,
    runs: rows.length,
    duplicates: events.length - msgIds.size + rows.length - triggerKeys.size + sinkKeys.length - new Set(sinkKeys).size,
    lost: expected - msgIds.size + commitEvents.length - triggerKeys.size,
    failed: load.statuses.filter((s) => s !== 202).length,
    sinkRequests: sinkKeys.length,
    backlog,
  };
}

function expectNothingLost(t: Tally, commits: number): void {
  expect(t.failed).toBe(0);
  expect(t.duplicates).toBe(0);
  expect(t.lost).toBe(0);
  expect(t.inStream).toBe(t.expected);
  expect(t.runs).toBe(commits);
  expect(t.sinkRequests).toBe(commits);
  expect(t.backlog).toBe(0);
}

const figures = (t: Tally) =>
  `sent=${t.expected} in_stream=${t.inStream} runs=${t.runs} duplicates=${t.duplicates} lost=${t.lost} ` +
  `failed_requests=${t.failed} sink_requests=${t.sinkRequests} outbox_backlog_after=${t.backlog}`;

/** Samples the hubs' outbox backlog every 100 ms until stopped; keeps the largest. */
function backlogWatch(stack: ChaosStack<NatsCluster>) {
  let max = 0;
  let stopped = false;
  const done = (async () => {
    while (!stopped) {
      const [{ n }] = await stack.hubQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL',
      );
      max = Math.max(max, n);
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    async stop() {
      stopped = true;
      await done;
      return max;
    },
  };
}

/**
 * The longest pause between two consecutive publishes of the hubs' relays after `since` (from the outbox's
 * published_at, after the fact): how long writes to the stream stalled while the events kept coming.
 */
async function longestPublishGapMs(stack: ChaosStack<NatsCluster>, since: number): Promise<number> {
  const rows = await stack.hubQuery<{ at: Date }>(
    'SELECT published_at AS at FROM event_outbox WHERE published_at >= $1 ORDER BY published_at',
    [new Date(since)],
  );
  let longest = rows.length > 0 ? rows[0].at.getTime() - since : 0;
  for (let i = 1; i < rows.length; i++) longest = Math.max(longest, rows[i].at.getTime() - rows[i - 1].at.getTime());
  return longest;
}

/** How long after `since` the relays' first publish landed. */
async function firstPublishAfterMs(stack: ChaosStack<NatsCluster>, since: number): Promise<number> {
  const [{ at }] = await stack.hubQuery<{ at: Date }>(
    'SELECT min(published_at) AS at FROM event_outbox WHERE published_at >= $1',
    [new Date(since)],
  );
  return at.getTime() - since;
}

/** How many replicas the apps gave the streams and the durable consumer they created (NATS_STREAM_REPLICAS=3). */
async function replicasOf(cluster: NatsCluster) {
  const nc = await connect({ servers: cluster.url.split(',') });
  try {
    const jsm = await jetstreamManager(nc);
    return {
      events: (await jsm.streams.info('ACTIVITY_EVENTS')).config.num_replicas,
      deadLetters: (await jsm.streams.info('ACTIVITY_DEADLETTER')).config.num_replicas,
      consumer: (await jsm.consumers.info('ACTIVITY_EVENTS', 'activity-engine')).config.num_replicas,
    };
  } finally {
    await nc.close();
  }
}

/** A small R3 stream outside `org.>`, to see whether the cluster takes a write without making an event. */
async function addProbeStream(cluster: NatsCluster): Promise<void> {
  const nc = await connect({ servers: cluster.url.split(',') });
  try {
    const jsm = await jetstreamManager(nc);
    // JetStream may still be placing the apps' streams: "temporarily unavailable" is worth another try.
    await eventually(() => jsm.streams.add({ name: 'PROBE', subjects: ['probe.>'], num_replicas: 3 }), {
      timeoutMs: 20_000,
      intervalMs: 250,
    });
  } finally {
    await nc.close();
  }
}

describe('chaos on a three-node JetStream cluster (built hubs and engines, R3)', () => {
  it('kill -9 of the stream leader under load from two hubs: no failed request, every event once, every run once', async () => {
    const COMMITS = 300;
    const stack = await startClusterChaosStack({
      name: 'cl_stream',
      hubs: 2,
      engines: ['engine-1', 'engine-2'],
      definitions: definition,
    });
    try {
      const cluster = stack.nats;
      await registerRepo(stack.hubs[0], 'cluster-repo');
      const leader = await cluster.streamLeader('ACTIVITY_EVENTS');
      expect(await replicasOf(cluster)).toEqual({ events: 3, deadLetters: 3, consumer: 3 });
      const load = commitLoad(stack.hubs, 'cluster-repo', COMMITS, 30);
      const watch = backlogWatch(stack);
      await until(() => load.sent >= COMMITS / 3);
      const killedAt = Date.now();
      await cluster.stop(leader, 'SIGKILL');
      const newLeader = await cluster.streamLeader('ACTIVITY_EVENTS');
      const electedMs = Date.now() - killedAt;
      await until(() => load.sent >= (2 * COMMITS) / 3);
      await cluster.start(leader);
      await load.done;
      const t = await tally(stack, load, COMMITS);
      const maxBacklog = await watch.stop();
      const stallMs = await longestPublishGapMs(stack, killedAt);
      console.log(
        `chaos cluster-stream-leader: ${figures(t)} killed=${leader} new_leader=${newLeader} ` +
          `election_ms=${electedMs} longest_publish_stall_ms=${stallMs} max_outbox_backlog=${maxBacklog}`,
      );
      expect(newLeader).not.toBe(leader);
      expectNothingLost(t, COMMITS);
    } finally {
      await stack.close();
    }
  }, 300_000);

  it('kill -9 of the consumer leader mid-drain: every event runs once', async () => {
    const COMMITS = 300;
    const stack = await startClusterChaosStack({
      name: 'cl_consumer',
      engines: ['engine-1', 'engine-2'],
      definitions: definition,
    });
    try {
      const cluster = stack.nats;
      await registerRepo(stack.hubs[0], 'cluster-repo');
      const load = commitLoad(stack.hubs, 'cluster-repo', COMMITS, 10);
      await until(() => load.sent >= COMMITS / 3);
      const leader = await cluster.consumerLeader('ACTIVITY_EVENTS', 'activity-engine');
      const [{ n: ranBeforeKill }] = await stack.engineQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM activity_runs',
      );
      const killedAt = Date.now();
      await cluster.stop(leader, 'SIGKILL');
      const newLeader = await cluster.consumerLeader('ACTIVITY_EVENTS', 'activity-engine');
      const electedMs = Date.now() - killedAt;
      await load.done;
      await cluster.start(leader);
      const t = await tally(stack, load, COMMITS);
      console.log(
        `chaos cluster-consumer-leader: ${figures(t)} killed=${leader} new_leader=${newLeader} ` +
          `election_ms=${electedMs} ran_before_kill=${ranBeforeKill}`,
      );
      expect(newLeader).not.toBe(leader);
      expect(ranBeforeKill).toBeLessThan(COMMITS);
      expectNothingLost(t, COMMITS);
    } finally {
      await stack.close();
    }
  }, 300_000);

  it('two of three nodes down: the stream refuses writes, the API answers and the outbox holds; one back, all drains', async () => {
    const COMMITS = 200;
    const OUTAGE_MS = 5000;
    const stack = await startClusterChaosStack({ name: 'cl_quorum', definitions: definition });
    try {
      const cluster = stack.nats;
      await registerRepo(stack.hubs[0], 'cluster-repo');
      await addProbeStream(cluster);
      const load = commitLoad(stack.hubs, 'cluster-repo', COMMITS, 30);
      await until(() => load.sent >= COMMITS / 4);
      const [a, b, survivor] = cluster.nodes.map((n) => n.name);
      await cluster.stop(a, 'SIGKILL');
      await cluster.stop(b, 'SIGKILL');
      const downAt = Date.now();
      // Without quorum the stream takes no write: a publish on the surviving node fails.
      const nc = await connect({ servers: cluster.node(survivor).url });
      const refused = await jetstream(nc, { timeout: 1500 })
        .publish('probe.cluster', 'x', { expect: { streamName: 'PROBE' } })
        .then(
          () => 'accepted',
          (err: Error) => err.message,
        );
      await nc.close();
      const health = await stack.hubs[0].json<{ status: string; nats: string }>('GET', '/state/health');
      await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - downAt))));
      const [{ n: heldInOutbox }] = await stack.hubQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM event_outbox WHERE published_at IS NULL',
      );
      const backAt = Date.now();
      await cluster.start(a);
      await load.done;
      await cluster.start(b);
      const t = await tally(stack, load, COMMITS);
      const writesBackMs = await firstPublishAfterMs(stack, backAt);
      console.log(
        `chaos cluster-quorum-loss: ${figures(t)} outage_ms=${OUTAGE_MS} publish_without_quorum=${refused === 'accepted' ? 'accepted' : 'refused'} ` +
          `health_during_outage=${health.status}/nats:${health.nats} held_in_outbox=${heldInOutbox} first_publish_after_node_back_ms=${writesBackMs}`,
      );
      expect(refused).not.toBe('accepted');
      expect(health.status).toBe('ok'); // the API keeps answering; events wait in the outbox
      expect(heldInOutbox).toBeGreaterThan(0);
      expectNothingLost(t, COMMITS);
    } finally {
      await stack.close();
    }
  }, 300_000);
});
