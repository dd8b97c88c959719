// Chaos 1: kill -9 the engine in the middle of a steady commit load and start
// it again on the same database and durable. Every event must end as exactly
// one run row (a run claimed before the crash is swept to `abandoned`, never
// re-run), and the http target must never see an Idempotency-Key twice.
import { eventually, readStreamOnceItHolds } from '@state-hub/testing';
import { type ChaosStack, runsOf, startChaosStack } from '../testing/chaos-stack';
import { commitLoad, registerRepo, until } from '../testing/load';

const DEFINITION = 'chaos.commit-pushed';
const COMMITS = 300;
const INTERVAL_MS = 30;

describe('chaos: kill -9 the consumer mid-load (built hub + engine, own nats-server and databases)', () => {
  let stack: ChaosStack;

  beforeAll(async () => {
    stack = await startChaosStack({
      name: 'kill',
      definitions: (files, sink) =>
        files.write(
          'commit-pushed.yaml',
          [
            `id: ${DEFINITION}`,
            'trigger: { trigger_type: event, event_type: org.repo.commit.pushed }',
            'instruction:',
            '  kind: http',
            '  method: POST',
            `  url: '${sink.url}/pushed'`,
            "  body: { sha: '{{ event.attributes.sha }}' }",
            '  timeout_seconds: 2',
            '',
          ].join('\n'),
        ),
    });
  });

  afterAll(() => stack?.close());

  it('every event ends as exactly one run; no idempotency key reaches the target twice', async () => {
    const { nats, sink, hubs, engines } = stack;
    const hub = hubs[0];
    await registerRepo(hub, 'chaos-repo');
    const load = commitLoad([hub], 'chaos-repo', COMMITS, INTERVAL_MS);
    await until(() => load.sent >= COMMITS / 2);
    await engines[0].kill();
    const killedAt = load.sent;
    await stack.startEngine('engine-2'); // same database, same durable; the load goes on meanwhile
    await load.done;

    const events = await readStreamOnceItHolds(nats.url, COMMITS, { subject: 'org.repo.commit.pushed' });
    const eventIds = new Set(events.map((e) => e.msgId));

    // Unacked deliveries to the dead engine come back after JetStream's 30 s ack wait; runs it had
    // claimed pass their deadline (2 s instruction + the engine's 60 s margin) and are swept to abandoned.
    const rows = await eventually(
      async () => {
        const rows = await runsOf(stack, DEFINITION);
        expect(rows).toHaveLength(COMMITS);
        expect(rows.filter((r) => r.status === 'running')).toEqual([]);
        return rows;
      },
      { timeoutMs: 150_000, intervalMs: 500 },
    );

    const triggerKeys = new Set(rows.map((r) => r.trigger_key));
    const keys = sink.requests.map((r) => String(r.headers['idempotency-key']));
    const keyCounts = new Map<string, number>();
    for (const key of keys) keyCounts.set(key, (keyCounts.get(key) ?? 0) + 1);
    const succeeded = rows.filter((r) => r.status === 'succeeded');
    const abandoned = rows.filter((r) => r.status === 'abandoned');
    const failed = load.statuses.filter((s) => s !== 202).length;
    const byReplica = (replica: string) => rows.filter((r) => r.replica === replica).length;
    console.log(
      `chaos kill-consumer: sent=${COMMITS} in_stream=${events.length} runs=${rows.length} ` +
        `duplicates=${rows.length - triggerKeys.size + keys.length - keyCounts.size} ` +
        `lost=${COMMITS - triggerKeys.size} abandoned=${abandoned.length} succeeded=${succeeded.length} ` +
        `killed_after=${killedAt} engine1_runs=${byReplica('engine-1')} engine2_runs=${byReplica('engine-2')} ` +
        `sink_requests=${keys.length} failed_requests=${failed}`,
    );

    expect(failed).toBe(0);
    expect(events).toHaveLength(COMMITS);
    expect(eventIds.size).toBe(COMMITS);
    expect(triggerKeys).toEqual(eventIds); // each event exactly one run row, none for anything else
    expect(succeeded.length + abandoned.length).toBe(COMMITS);
    expect([...keyCounts.values()].filter((n) => n > 1)).toEqual([]); // never twice
    for (const run of succeeded) expect(keyCounts.get(run.id)).toBe(1);
    // an abandoned run may or may not have reached the target before the kill; nothing else did
    const runIds = new Set(rows.map((r) => r.id));
    expect(keys.filter((k) => !runIds.has(k))).toEqual([]);
    expect(byReplica('engine-1')).toBeGreaterThan(0);
    expect(byReplica('engine-2')).toBeGreaterThan(0);
  }, 240_000);
});
