// Chaos 2: two hub replicas on ONE database relay one outbox, and two engine
// replicas on one engine database share the durable consumer, under a commit
// load and a per-second cron schedule. No event reaches the stream twice or
// not at all, each event runs once, and each cron second runs exactly once.
import { eventually, readStreamOnceItHolds } from '@state-hub/testing';
import { type ChaosStack, type RunRow, runsOf, startChaosStack } from '../testing/chaos-stack';
import { commitLoad, registerRepo } from '../testing/load';

const EVENT_DEFINITION = 'chaos.replicas.commit';
const CRON_DEFINITION = 'chaos.replicas.every-second';
const COMMITS = 200;
const INTERVAL_MS = 100;
const MIN_SLOTS = 60;

describe('chaos: two API replicas and two engines (built apps, own nats-server and databases)', () => {
  let stack: ChaosStack;
  const runs = (definition: string) => runsOf(stack, definition);

  beforeAll(async () => {
    stack = await startChaosStack({
      name: 'replicas',
      hubs: 2, // one database; the first migrates it
      engines: ['engine-a', 'engine-b'],
      definitions: (files, sink) => {
        files.write(
          'commit.yaml',
          `id: ${EVENT_DEFINITION}\ntrigger: { trigger_type: event, event_type: org.repo.commit.pushed }\ninstruction: { kind: http, method: POST, url: '${sink.url}/commit' }\n`,
        );
        files.write(
          'every-second.yaml',
          `id: ${CRON_DEFINITION}\ntrigger: { trigger_type: cron, cron_expression: '* * * * * *' }\ninstruction: { kind: http, method: POST, url: '${sink.url}/tick' }\n`,
        );
      },
    });
  });

  afterAll(() => stack?.close());

  it('each event is in the stream once and runs once; each cron second runs exactly once', async () => {
    const { nats, sink, hubs, engines } = stack;
    await registerRepo(hubs[0], 'replicated-repo');
    const load = commitLoad(hubs, 'replicated-repo', COMMITS, INTERVAL_MS);
    await load.done;

    const expected = 1 + COMMITS; // repo registered + every commit
    const events = await readStreamOnceItHolds(nats.url, expected);
    const commitRuns = await eventually(
      async () => {
        const rows = await runs(EVENT_DEFINITION);
        expect(rows).toHaveLength(COMMITS);
        return rows;
      },
      { timeoutMs: 30_000, intervalMs: 250 },
    );
    // Let the cron schedule run for at least MIN_SLOTS + a margin seconds on both engines, then stop them.
    await eventually(async () => expect((await runs(CRON_DEFINITION)).length).toBeGreaterThanOrEqual(MIN_SLOTS + 3), {
      timeoutMs: 120_000,
      intervalMs: 1000,
    });
    for (const engine of engines.splice(0)) await engine.stop();

    const outbox = await stack.hubQuery<{ id: string; published: boolean }>(
      'SELECT id, published_at IS NOT NULL AS published FROM event_outbox',
    );
    const msgIds = events.map((e) => e.msgId);
    const uniqueMsgIds = new Set(msgIds);
    const commitEvents = events.filter((e) => e.subject === 'org.repo.commit.pushed');
    const ticks = await runs(CRON_DEFINITION);
    const tickKeys = new Set(ticks.map((r) => r.trigger_key));
    const ran = ticks.filter((r) => r.status === 'succeeded');
    const seconds = ticks.map((r) => Date.parse(r.trigger_key.replace(/^cron:/, '')) / 1000);
    const gaps = seconds.slice(1).filter((s, i) => s - seconds[i] !== 1).length;
    const tickRequests = sink.requests.filter((r) => r.url === '/tick');
    const commitRequests = sink.requests.filter((r) => r.url === '/commit');
    const sinkKeys = sink.requests.map((r) => String(r.headers['idempotency-key']));
    const failed = load.statuses.filter((s) => s !== 202).length;
    const share = (rows: RunRow[], replica: string) => rows.filter((r) => r.replica === replica).length;
    const duplicates =
      msgIds.length -
      uniqueMsgIds.size +
      commitRuns.length -
      new Set(commitRuns.map((r) => r.trigger_key)).size +
      ticks.length -
      tickKeys.size +
      sinkKeys.length -
      new Set(sinkKeys).size;
    console.log(
      `chaos replicas: sent=${expected} in_stream=${events.length} outbox_rows=${outbox.length} runs=${commitRuns.length} ` +
        `cron_slots=${ticks.length} cron_ran=${ran.length} cron_gaps=${gaps} duplicates=${duplicates} ` +
        `lost=${expected - uniqueMsgIds.size} failed_requests=${failed} ` +
        `runs_by_engine=${share(commitRuns, 'engine-a')}/${share(commitRuns, 'engine-b')} ` +
        `ticks_by_engine=${share(ticks, 'engine-a')}/${share(ticks, 'engine-b')}`,
    );

    expect(failed).toBe(0);
    // the stream: every outbox row once, nothing else, nothing twice
    expect(uniqueMsgIds.size).toBe(msgIds.length);
    expect(events).toHaveLength(expected);
    expect(outbox).toHaveLength(expected);
    expect(outbox.every((r) => r.published)).toBe(true);
    expect(uniqueMsgIds).toEqual(new Set(outbox.map((r) => r.id)));
    // each commit event one run, executed once
    expect(new Set(commitRuns.map((r) => r.trigger_key))).toEqual(new Set(commitEvents.map((e) => e.msgId)));
    expect(commitRuns.every((r) => r.status === 'succeeded')).toBe(true);
    expect(commitRequests).toHaveLength(COMMITS);
    // each cron second one run, over at least MIN_SLOTS consecutive seconds
    expect(tickKeys.size).toBe(ticks.length);
    expect(ran.length).toBe(ticks.length);
    expect(ticks.length).toBeGreaterThanOrEqual(MIN_SLOTS);
    expect(gaps).toBe(0);
    expect(tickRequests).toHaveLength(ran.length);
    expect(new Set(sinkKeys).size).toBe(sinkKeys.length);
  }, 240_000);
});
