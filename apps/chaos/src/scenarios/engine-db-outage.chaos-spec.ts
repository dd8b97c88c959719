// Chaos 6: the engine's own Postgres crashes under a commit load and stays down
// for 25 s — longer than five failed deliveries with their nak backoff (1+2+4+8 s)
// would last — while some runs are inside their (slow) instruction. No event may
// be dead-lettered or lost, no run may happen twice, and a run whose instruction
// finished while the database was down must still be recorded `succeeded`, not
// left to be swept to `abandoned`.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually, type PostgresServer, readStreamOnceItHolds, startPostgresServer } from '@state-hub/testing';
import { type ChaosStack, runsOf, startChaosStack } from '../testing/chaos-stack';
import { commitLoad, registerRepo, until } from '../testing/load';

const DEFINITION = 'chaos.engine-db-outage';
const COMMITS = 100;
const INTERVAL_MS = 100;
const OUTAGE_MS = 25_000;
/** Each instruction takes this long, so runs are mid-instruction when Postgres goes. */
const TARGET_DELAY_MS = 1500;

describe("chaos: the engine's Postgres down for 25 s under load (built hub + engine, own Postgres server)", () => {
  let postgres: PostgresServer;
  let stack: ChaosStack;

  beforeAll(async () => {
    postgres = await startPostgresServer();
    stack = await startChaosStack({
      name: 'engine_db',
      enginePostgres: postgres,
      definitions: (files, sink) => {
        sink.delay('/work', TARGET_DELAY_MS);
        files.write(
          'work.yaml',
          `id: ${DEFINITION}\ntrigger: { trigger_type: event, event_type: org.repo.commit.pushed }\ninstruction: { kind: http, method: POST, url: '${sink.url}/work', timeout_seconds: 10 }\n`,
        );
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
    postgres?.destroy();
  });

  async function deadLetters(): Promise<number> {
    const nc = await connect({ servers: stack.nats.url });
    try {
      const jsm = await jetstreamManager(nc);
      return (await jsm.streams.info('ACTIVITY_DEADLETTER')).state.messages;
    } catch (error) {
      if (String(error).includes('stream not found')) return 0;
      throw error;
    } finally {
      await nc.close();
    }
  }

  it('loses nothing, dead-letters nothing, runs nothing twice, and records runs that finished during the outage', async () => {
    const { nats, sink, hubs } = stack;
    const hub = hubs[0];
    await registerRepo(hub, 'engine-db-repo');
    const load = commitLoad([hub], 'engine-db-repo', COMMITS, INTERVAL_MS);
    await until(() => sink.requests.length >= 15);
    postgres.stop('immediate'); // some runs are inside their 1.5 s instruction now
    const stoppedAfterRequests = sink.requests.length;
    await new Promise((r) => setTimeout(r, OUTAGE_MS));
    postgres.start();
    await load.done;

    const commitIds = (await readStreamOnceItHolds(nats.url, COMMITS, { subject: 'org.repo.commit.pushed' })).map((e) =>
      String(e.msgId),
    );
    const rows = await eventually(
      async () => {
        const rows = await runsOf(stack, DEFINITION);
        expect(rows.length).toBeGreaterThanOrEqual(COMMITS);
        expect(rows.filter((r) => r.status === 'running')).toEqual([]);
        return rows;
      },
      { timeoutMs: 90_000, intervalMs: 500 },
    );
    const dead = await deadLetters();
    const keys = sink.requests.map((r) => String(r.headers['idempotency-key']));
    const triggerKeys = new Set(rows.map((r) => r.trigger_key));
    const duplicates =
      commitIds.length - new Set(commitIds).size + rows.length - triggerKeys.size + keys.length - new Set(keys).size;
    const lost = commitIds.filter((id) => !triggerKeys.has(id)).length;
    const byStatus = (status: string) => rows.filter((r) => r.status === status).length;
    const failed = load.statuses.filter((s) => s !== 202).length;
    console.log(
      `chaos engine-db-outage: sent=${COMMITS} in_stream=${commitIds.length} runs=${rows.length} ` +
        `duplicates=${duplicates} lost=${lost} dead_lettered=${dead} succeeded=${byStatus('succeeded')} ` +
        `abandoned=${byStatus('abandoned')} outage_ms=${OUTAGE_MS} stopped_after_requests=${stoppedAfterRequests} ` +
        `sink_requests=${keys.length} failed_requests=${failed}`,
    );

    expect(failed).toBe(0); // the hub's database was never down
    expect(commitIds).toHaveLength(COMMITS);
    expect(dead).toBe(0);
    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(rows).toHaveLength(COMMITS);
    expect(byStatus('succeeded')).toBe(COMMITS); // none abandoned: outcomes found during the outage were kept
    expect(new Set(keys)).toEqual(new Set(rows.map((r) => r.id))); // the target saw each run once
  }, 240_000);
});
