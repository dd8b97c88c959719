// Chaos 4: kill -9 NATS in the middle of a steady commit load on the hub and
// start it again (same port, same store) a few seconds later. No request may
// fail, every event must reach the stream exactly once, and the engine, which
// loses its connection too, must run each of them exactly once after it is back.
import { eventually, readStreamOnceItHolds } from '@state-hub/testing';
import { type ChaosStack, runsOf, startChaosStack } from '../testing/chaos-stack';
import { commitLoad, registerRepo, until } from '../testing/load';

const DEFINITION = 'chaos.nats-kill';
const COMMITS = 300;
const INTERVAL_MS = 30;
const OUTAGE_MS = 3000;

describe('chaos: kill -9 NATS under API write load (built hub + engine, own nats-server and databases)', () => {
  let stack: ChaosStack;

  beforeAll(async () => {
    stack = await startChaosStack({
      name: 'nats',
      definitions: (files, sink) =>
        files.write(
          'commit.yaml',
          `id: ${DEFINITION}\ntrigger: { trigger_type: event, event_type: org.repo.commit.pushed }\ninstruction: { kind: http, method: POST, url: '${sink.url}/commit' }\n`,
        ),
    });
  });

  afterAll(() => stack?.close());

  it('no request fails; every event is in the stream once and runs once', async () => {
    const { nats, sink, hubs } = stack;
    const hub = hubs[0];
    await registerRepo(hub, 'nats-repo');
    const load = commitLoad([hub], 'nats-repo', COMMITS, INTERVAL_MS);
    await until(() => load.sent >= COMMITS / 3);
    await nats.stop('SIGKILL');
    const killedAt = load.sent;
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    const healthDuringOutage = await hub.json<{ status: string; nats: string }>('GET', '/state/health');
    const restartedAt = load.sent;
    await nats.start();
    await load.done;

    const expected = 1 + COMMITS; // repo registered + every commit
    const events = await readStreamOnceItHolds(nats.url, expected);
    const commitEvents = events.filter((e) => e.subject === 'org.repo.commit.pushed');
    const rows = await eventually(
      async () => {
        const rows = await runsOf(stack, DEFINITION);
        expect(rows.length).toBeGreaterThanOrEqual(COMMITS);
        expect(rows.filter((r) => r.status === 'running')).toEqual([]);
        return rows;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );

    const msgIds = new Set(events.map((e) => e.msgId));
    const triggerKeys = new Set(rows.map((r) => r.trigger_key));
    const sinkKeys = sink.requests.map((r) => String(r.headers['idempotency-key']));
    const failed = load.statuses.filter((s) => s !== 202).length;
    const duplicates =
      events.length - msgIds.size + rows.length - triggerKeys.size + sinkKeys.length - new Set(sinkKeys).size;
    const lost = expected - msgIds.size + commitEvents.length - triggerKeys.size;
    console.log(
      `chaos nats-kill: sent=${expected} in_stream=${events.length} runs=${rows.length} duplicates=${duplicates} ` +
        `lost=${lost} failed_requests=${failed} killed_after=${killedAt} restarted_after=${restartedAt} ` +
        `outage_ms=${OUTAGE_MS} health_during_outage=${healthDuringOutage.status}/nats:${healthDuringOutage.nats} ` +
        `sink_requests=${sinkKeys.length}`,
    );

    expect(failed).toBe(0);
    expect(healthDuringOutage).toMatchObject({ status: 'ok', nats: 'down' }); // degraded, still serving writes
    expect(events).toHaveLength(expected);
    expect(msgIds.size).toBe(expected);
    expect(commitEvents).toHaveLength(COMMITS);
    expect(triggerKeys).toEqual(new Set(commitEvents.map((e) => e.msgId))); // one run per event, none for anything else
    expect(rows).toHaveLength(COMMITS);
    expect(rows.filter((r) => r.status !== 'succeeded')).toEqual([]);
    expect(new Set(sinkKeys).size).toBe(COMMITS); // the target saw each run once
    expect(sinkKeys).toHaveLength(COMMITS);
  }, 180_000);
});
