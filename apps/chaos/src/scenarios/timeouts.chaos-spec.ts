// Chaos 5: every commit event triggers an http instruction whose target never
// answers, a shell instruction that sleeps past its time-out, a context source
// that hangs, and one quick instruction. The shell's work runs in a grandchild
// (a background subshell), so only killing the whole process group stops it.
// Each time-out must fire on time and be recorded (`timed_out`; the hung context as a timed-out binding the rule
// declines), the killed shell must not finish its work later, and the engine
// must keep consuming: every quick run succeeds and nothing is redelivered.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually, readStreamOnceItHolds } from '@state-hub/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ChaosStack, startChaosStack } from '../testing/chaos-stack';
import { commitLoad, registerRepo } from '../testing/load';

const COMMITS = 60;
const INTERVAL_MS = 100;
const TIMEOUT_S = 1;
const SLOW_SHELL_S = 4;
const DEFINITIONS = {
  slowHttp: 'chaos.slow-http',
  slowShell: 'chaos.slow-shell',
  hungContext: 'chaos.hung-context',
  quick: 'chaos.quick',
};

interface RunRow {
  definition_id: string;
  trigger_key: string;
  status: string;
  skip_reason: string | null;
  error: string | null;
  context: Record<string, { error?: string }>;
  duration_ms: number;
}

describe('chaos: slow instructions and a hung context source (built hub + engine, own nats-server)', () => {
  let stack: ChaosStack;
  const lateDir = mkdtempSync(join(tmpdir(), 'chaos-late-'));

  beforeAll(async () => {
    const trigger = 'trigger: { trigger_type: event, event_type: org.repo.commit.pushed }';
    stack = await startChaosStack({
      name: 'timeouts',
      definitions: (files, sink) => {
        sink.hang('/slow');
        sink.hang('/hung-health');
        files.write(
          'slow-http.yaml',
          `id: ${DEFINITIONS.slowHttp}\n${trigger}\ninstruction: { kind: http, method: POST, url: '${sink.url}/slow', timeout_seconds: ${TIMEOUT_S} }\n`,
        );
        files.write(
          'slow-shell.yaml',
          `id: ${DEFINITIONS.slowShell}\n${trigger}\ninstruction:\n  kind: shell\n  cmd: '(sleep ${SLOW_SHELL_S}; touch ${lateDir}/$ACTIVITY_RUN_ID) & wait'\n  timeout_seconds: ${TIMEOUT_S}\n`,
        );
        files.write(
          'hung-context.yaml',
          `id: ${DEFINITIONS.hungContext}\n${trigger}\ncontext:\n  - { kind: http_get, url: '${sink.url}/hung-health', bind: hub, timeout_seconds: ${TIMEOUT_S} }\nrule:\n  when: ['!has(hub.error)']\ninstruction: { kind: http, method: POST, url: '${sink.url}/never' }\n`,
        );
        files.write(
          'quick.yaml',
          `id: ${DEFINITIONS.quick}\n${trigger}\ninstruction: { kind: http, method: POST, url: '${sink.url}/quick' }\n`,
        );
      },
    });
  });

  afterAll(async () => {
    await stack?.close();
    rmSync(lateDir, { recursive: true, force: true });
  });

  async function consumerState(): Promise<{ pending: number; ackPending: number; redelivered: number }> {
    const nc = await connect({ servers: stack.nats.url });
    try {
      const info = await (await jetstreamManager(nc)).consumers.info('ACTIVITY_EVENTS', 'activity-engine');
      return { pending: info.num_pending, ackPending: info.num_ack_pending, redelivered: info.num_redelivered };
    } finally {
      await nc.close();
    }
  }

  it('time-outs fire and are recorded; the engine keeps consuming', async () => {
    const { nats, sink, hubs, engines } = stack;
    const [hub, engine] = [hubs[0], engines[0]];
    await registerRepo(hub, 'slow-repo');
    const load = commitLoad([hub], 'slow-repo', COMMITS, INTERVAL_MS);
    await load.done;
    const loadEndedAt = Date.now();

    const streamIds = (await readStreamOnceItHolds(nats.url, COMMITS, { subject: 'org.repo.commit.pushed' })).map((e) =>
      String(e.msgId),
    );
    const rows = await eventually(
      async () => {
        const rows = await stack.engineQuery<RunRow>(
          'SELECT definition_id, trigger_key, status, skip_reason, error, context, duration_ms FROM activity_runs',
        );
        expect(rows.filter((r) => r.status !== 'running').length).toBeGreaterThanOrEqual(4 * COMMITS);
        return rows;
      },
      { timeoutMs: 60_000, intervalMs: 250 },
    );
    const drainedAfterMs = Date.now() - loadEndedAt;
    await eventually(async () => expect(await consumerState()).toMatchObject({ pending: 0, ackPending: 0 }), {
      timeoutMs: 10_000,
    });
    const consumer = await consumerState();
    // Give every killed `sleep` the time it would have needed to finish its work.
    await new Promise((r) => setTimeout(r, (SLOW_SHELL_S + 1) * 1000));
    const lateWrites = readdirSync(lateDir);

    const of = (id: string) => rows.filter((r) => r.definition_id === id);
    const statuses = (id: string) => [...new Set(of(id).map((r) => r.status))];
    const keys = rows.map((r) => `${r.definition_id}|${r.trigger_key}`);
    const commitIds = new Set(streamIds);
    const duplicates = streamIds.length - commitIds.size + keys.length - new Set(keys).size;
    const lost = Object.values(DEFINITIONS).reduce(
      (sum, id) => sum + [...commitIds].filter((key) => !of(id).some((r) => r.trigger_key === key)).length,
      0,
    );
    const timedOut = [...of(DEFINITIONS.slowHttp), ...of(DEFINITIONS.slowShell)];
    const slowest = Math.max(...timedOut.map((r) => r.duration_ms));
    console.log(
      `chaos timeouts: sent=${COMMITS} in_stream=${commitIds.size} runs=${rows.length} duplicates=${duplicates} ` +
        `lost=${lost} timed_out=${rows.filter((r) => r.status === 'timed_out').length} ` +
        `context_timeouts=${of(DEFINITIONS.hungContext).filter((r) => r.context.hub?.error === `timed out after ${TIMEOUT_S}s`).length} ` +
        `quick_succeeded=${of(DEFINITIONS.quick).filter((r) => r.status === 'succeeded').length} ` +
        `slowest_timed_out_run_ms=${slowest} drained_${drainedAfterMs}ms_after_load redelivered=${consumer.redelivered} ` +
        `late_shell_writes=${lateWrites.length}`,
    );

    expect(duplicates).toBe(0);
    expect(lost).toBe(0);
    expect(streamIds).toHaveLength(COMMITS);
    expect(rows).toHaveLength(4 * COMMITS);
    expect(statuses(DEFINITIONS.slowHttp)).toEqual(['timed_out']);
    expect(statuses(DEFINITIONS.slowShell)).toEqual(['timed_out']);
    for (const run of of(DEFINITIONS.slowHttp)) expect(run.error).toMatch(/timed out after 1s/);
    for (const run of of(DEFINITIONS.slowShell)) expect(run.error).toMatch(/timed out after 1s; process group killed/);
    // The time-out fired at its second, not when the target (or `sleep`) gave up.
    for (const run of timedOut) {
      expect(run.duration_ms).toBeGreaterThanOrEqual(TIMEOUT_S * 1000 - 50);
      expect(run.duration_ms).toBeLessThan(TIMEOUT_S * 1000 + 2000);
    }
    expect(lateWrites).toEqual([]); // the whole process group died with the time-out
    expect(statuses(DEFINITIONS.hungContext)).toEqual(['skipped']);
    for (const run of of(DEFINITIONS.hungContext)) {
      expect(run.context.hub).toEqual({ error: `timed out after ${TIMEOUT_S}s` });
      expect(run.skip_reason).toMatch(/!has\(hub\.error\)/);
    }
    expect(sink.requests.filter((r) => r.url === '/never')).toEqual([]);
    expect(statuses(DEFINITIONS.quick)).toEqual(['succeeded']);
    expect(sink.requests.filter((r) => r.url === '/quick')).toHaveLength(COMMITS);
    expect(sink.requests.filter((r) => r.url === '/slow')).toHaveLength(COMMITS); // one attempt each, no retry
    expect(consumer.redelivered).toBe(0); // acked in time: nothing was handed out twice
    expect(drainedAfterMs).toBeLessThan(15_000);
    expect((await engine.json<{ status: string }>('GET', '/health')).status).toBe('ok');
  }, 180_000);
});
