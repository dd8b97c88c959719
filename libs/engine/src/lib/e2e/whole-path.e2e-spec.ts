// The whole path with the BUILT apps as child processes: the state hub's own
// lifecycle event (POST /repos → outbox → relay → JetStream) fires a definition
// in the engine; and an engine killed (-9) mid-run, before its ack, does not make
// the redelivered event run the definition a second time.
import {
  createTestDatabase,
  DefinitionFiles,
  eventually,
  type HttpSink,
  type NatsServer,
  readStream,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type BuiltApp, metricValue, runsOf, startBuiltEngine, startBuiltHub } from '../testing/built-apps';
import { EventSource } from '../testing/event-source';

const STREAM = 'ACTIVITY_EVENTS';
const DURABLE = 'activity-engine';

describe('event-consumer: whole path (built state-hub-api and engine, own nats-server, Postgres)', () => {
  describe('a real hub event fires a definition', () => {
    const DEFINITION = 'custodian.repo-registered';
    let nats: NatsServer;
    let hubDb: TestDatabase;
    let engineDb: TestDatabase;
    let sink: HttpSink;
    let files: DefinitionFiles;
    let source: EventSource;
    let hub: BuiltApp;
    let engine: BuiltApp;

    beforeAll(async () => {
      [nats, hubDb, engineDb, sink] = await Promise.all([
        startNatsServer(),
        createTestDatabase('statehub_wholepath_hub'),
        createTestDatabase('statehub_wholepath_engine'),
        startHttpSink(),
      ]);
      files = new DefinitionFiles();
      // `${STATE_HUB_URL}` is left for the engine to substitute from its environment at load time.
      files.write(
        'repo-registered.yaml',
        [
          `id: ${DEFINITION}`,
          'trigger:',
          '  trigger_type: event',
          '  event_type: org.statehub.repo.registered',
          '  filters: { domain: "custodian" }',
          'context:',
          "  - { kind: http_get, url: '${STATE_HUB_URL}/state/health', bind: hub_health }",
          'rule:',
          `  when: ["hub_health.status == 'ok'"]`,
          'instruction:',
          '  kind: http',
          '  method: POST',
          `  url: '${sink.url}/registered'`,
          "  body: { repo: '{{ event.attributes.repo_slug }}', domain: '{{ event.attributes.domain }}', run: '{{ run.id }}' }",
          '',
        ].join('\n'),
      );
      // The hub first: it creates the stream its relay publishes to, which the engine then consumes.
      hub = await startBuiltHub({ databaseUrl: hubDb.url, natsUrl: nats.url });
      engine = await startBuiltEngine({
        databaseUrl: engineDb.url,
        natsUrl: nats.url,
        definitionsDir: files.dir,
        env: { STATE_HUB_URL: hub.url, REPLICA_ID: 'whole-path' },
      });
      source = await EventSource.connect(nats.url);
    });

    afterAll(async () => {
      await source?.close();
      await engine?.stop();
      await hub?.stop();
      await Promise.all([sink?.close(), nats?.destroy(), hubDb?.drop(), engineDb?.drop()]);
      files?.remove();
    });

    it('POST /repos in the custodian domain runs the definition once; a repo in another domain runs nothing', async () => {
      const definitions = await engine.json<{ id: string; state: string }[]>('GET', '/definitions');
      expect(definitions).toEqual([expect.objectContaining({ id: DEFINITION, state: 'loaded' })]);

      await hub.json('POST', '/domains', { slug: 'custodian', name: 'The Custodian' }, 201);
      await hub.json('POST', '/domains', { slug: 'elsewhere', name: 'Somewhere Else' }, 201);
      await hub.json(
        'POST',
        '/repos',
        { slug: 'custodian-repo', name: 'Custodian Repo', domain: 'custodian', remote_url: 'git@example.org:o/c.git' },
        201,
      );
      await hub.json(
        'POST',
        '/repos',
        { slug: 'other-repo', name: 'Other Repo', domain: 'elsewhere', remote_url: 'git@example.org:o/o.git' },
        201,
      );

      // The hub's relay put both lifecycle events on the stream.
      const registered = await eventually(async () => {
        const events = (await readStream(nats.url, STREAM)).filter((e) => e.subject === 'org.statehub.repo.registered');
        expect(events).toHaveLength(2);
        return events.map((e) => e.envelope as { id: string; publisher: string; attributes: Record<string, unknown> });
      });
      const custodian = registered.find((e) => e.attributes['repo_slug'] === 'custodian-repo');
      const other = registered.find((e) => e.attributes['repo_slug'] === 'other-repo');
      expect(custodian).toMatchObject({ publisher: 'state-hub', attributes: { domain: 'custodian' } });
      expect(other).toMatchObject({ publisher: 'state-hub', attributes: { domain: 'elsewhere' } });

      const run = await eventually(
        async () => {
          const runs = await runsOf(engine, DEFINITION);
          expect(runs).toHaveLength(1);
          expect(runs[0].status).toBe('succeeded');
          return runs[0];
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      expect(run.trigger_key).toBe(custodian?.id);
      expect(run.context['hub_health']).toMatchObject({ status: 'ok', db: 'up', nats: 'up' });
      expect(run.rule).toMatchObject({ passed: true, checks: [expect.anything()] });
      expect(run.result).toMatchObject({ http_status: 200, attempts: 1 });

      // Both events were consumed and acked before "the other repo ran nothing" is asserted.
      await eventually(
        async () => {
          expect(await source.pending(STREAM, DURABLE)).toBe(0);
          expect(await metricValue(engine, 'activity_events_consumed_total')).toBe(2);
        },
        { timeoutMs: 20_000, intervalMs: 100 },
      );
      const all = await runsOf(engine);
      expect(all.map((r) => r.id)).toEqual([run.id]);
      expect(all.some((r) => r.trigger_key === other?.id)).toBe(false);

      expect(sink.requests).toHaveLength(1);
      const [sent] = sink.requests;
      expect(sent).toMatchObject({ method: 'POST', url: '/registered' });
      expect(sent.headers['idempotency-key']).toBe(run.id);
      expect(JSON.parse(sent.body)).toEqual({ repo: 'custodian-repo', domain: 'custodian', run: run.id });
    });

    // No cron case here: cron expressions have minute resolution, so a real slot cannot be awaited in seconds
    // from outside the process; the cron path (slots, overlap, catch-up) is covered by replicas.e2e-spec.ts.
  });

  describe('an engine killed before its ack', () => {
    const DEFINITION = 'test.crash';
    let nats: NatsServer;
    let db: TestDatabase;
    let files: DefinitionFiles;
    let source: EventSource;
    let pg: Client;
    const scratch = mkdtempSync(join(tmpdir(), 'engine-crash-'));
    const marker = join(scratch, 'executions');
    const engines: BuiltApp[] = [];
    const executions = () => {
      try {
        return readFileSync(marker, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    };
    const rowsFor = async (eventId: string) =>
      (
        await pg.query<{ id: string; status: string; replica: string }>(
          'SELECT id, status, replica FROM activity_runs WHERE definition_id = $1 AND trigger_key = $2',
          [DEFINITION, eventId],
        )
      ).rows;
    const startEngine = async (replica: string) => {
      const engine = await startBuiltEngine({
        databaseUrl: db.url,
        natsUrl: nats.url,
        definitionsDir: files.dir,
        env: { REPLICA_ID: replica, RUN_SWEEP_INTERVAL_MS: '200' },
      });
      engines.push(engine);
      return engine;
    };

    beforeAll(async () => {
      [nats, db] = await Promise.all([startNatsServer(), createTestDatabase('statehub_wholepath_crash')]);
      files = new DefinitionFiles();
      // Each execution leaves one line before it sleeps, so a second execution would show.
      files.write(
        'crash.yaml',
        [
          `id: ${DEFINITION}`,
          'trigger: { trigger_type: event, event_type: org.test.crash.happened }',
          'instruction:',
          '  kind: shell',
          `  cmd: 'echo "$ACTIVITY_RUN_ID" >> "$MARKER"; sleep 3'`,
          `  env: { MARKER: '${marker}' }`,
          '  timeout_seconds: 4',
          '',
        ].join('\n'),
      );
      source = await EventSource.connect(nats.url);
      pg = new Client({ connectionString: db.url });
    });

    afterAll(async () => {
      await source?.close();
      await pg?.end();
      for (const engine of engines) await engine.stop();
      await Promise.all([nats?.destroy(), db?.drop()]);
      files?.remove();
      rmSync(scratch, { recursive: true, force: true });
    });

    it('redelivers the event to a new engine, which does not run it again; the orphaned run is swept to abandoned', async () => {
      const first = await startEngine('engine-1');
      await pg.connect(); // the engine has migrated the database by now
      const event = source.envelope('org.test.crash.happened', { reason: 'kill -9 mid-run' });
      await source.publish(event);

      const running = await eventually(
        async () => {
          const runs = await runsOf(first, DEFINITION);
          expect(runs.map((r) => r.status)).toEqual(['running']);
          expect(executions()).toHaveLength(1); // the shell has started
          return runs[0];
        },
        { timeoutMs: 10_000, intervalMs: 50 },
      );
      expect(running.trigger_key).toBe(event.id);

      // kill -9 by the child's own PID (no SIGTERM first: no graceful shutdown, no ack), then reap it.
      process.kill(first.service.pid, 'SIGKILL');
      await first.stop();
      const unacked = await source.consumer(STREAM, DURABLE);
      expect(unacked.num_ack_pending).toBe(1);
      expect(unacked.delivered.consumer_seq).toBe(1);

      // A new engine on the same database and durable gets the event again once the ack wait (30 s) is up.
      const second = await startEngine('engine-2');
      const redelivered = await eventually(
        async () => {
          const info = await source.consumer(STREAM, DURABLE);
          expect(info.delivered.consumer_seq).toBe(2); // one stream message, delivered twice
          expect(info.num_ack_pending + info.num_pending).toBe(0); // and acked by the second engine
          return info;
        },
        { timeoutMs: 45_000, intervalMs: 250 },
      );
      expect(redelivered.ack_floor.stream_seq).toBe(1);
      expect(await metricValue(second, 'activity_events_consumed_total')).toBe(1);

      // The redelivery found the claimed run and did not run the definition again.
      expect(await rowsFor(event.id)).toEqual([{ id: running.id, status: 'running', replica: 'engine-1' }]);
      expect(executions()).toEqual([running.id]);

      // The dead replica's run passes its deadline (instruction budget + the engine's fixed 60 s margin)
      // and the second engine's sweeper marks it abandoned.
      const abandoned = await eventually(
        async () => {
          const runs = await runsOf(second, DEFINITION);
          expect(runs.map((r) => [r.id, r.status])).toEqual([[running.id, 'abandoned']]);
          return runs[0];
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
      expect(abandoned.error).toBe('still running past its deadline');
      expect(await rowsFor(event.id)).toHaveLength(1);
      expect(executions()).toEqual([running.id]);
    }, 150_000);
  });
});
