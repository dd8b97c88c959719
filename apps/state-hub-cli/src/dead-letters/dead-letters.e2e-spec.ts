// `dead-letters` and `runs replay` run as a user runs them (the built CLI) against
// the built engine on its own nats-server (JetStream) and against the built
// one-process app without NATS (outbox): a letter of an outage becomes one run per
// definition either way.
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { createEnvelope, encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import {
  type BuiltApp,
  createTestDatabase,
  DefinitionFiles,
  eventually,
  freePort,
  type HttpSink,
  type NatsServer,
  startBuiltEngine,
  startBuiltSystem,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { Client } from 'pg';
import { runCli } from '../testing/run-cli';

const SUBJECT = 'org.test.redrive.happened';
const DEFINITIONS = ['test.redrive-a', 'test.redrive-b'];
const MANUAL = 'test.manual';
const OUTAGE = 'handler failed on all 5 deliveries; last error: recording runs failed for 2 definition(s)';

function writeDefinitions(files: DefinitionFiles): void {
  for (const id of DEFINITIONS) {
    const url = `\${SINK_URL}/${id}/{{ event.id }}`;
    files.write(
      `${id}.yaml`,
      `id: ${id}\ntrigger: { trigger_type: event, event_type: ${SUBJECT} }\ninstruction: { kind: http, method: POST, url: '${url}' }\n`,
    );
  }
  files.write(
    'manual.yaml',
    `id: ${MANUAL}\ntrigger: { trigger_type: manual }\ninstruction: { kind: http, method: POST, url: '\${SINK_URL}/manual' }\n`,
  );
}

const event = (): EventEnvelope => createEnvelope({ type: SUBJECT, publisher: 'test', attributes: {} });

/** The runs of every definition for this event, as [definition, status]. */
async function runsFor(app: BuiltApp, prefix: string, eventId: string): Promise<string[][]> {
  const runs: string[][] = [];
  for (const id of DEFINITIONS) {
    const page = await app.json<{ items: { trigger_key: string; status: string }[] }>(
      'GET',
      `${prefix}/runs?definition=${id}`,
    );
    runs.push(...page.items.filter((r) => r.trigger_key === eventId).map((r) => [id, r.status]));
  }
  return runs.sort();
}

describe('state-hub dead-letters and runs replay (built CLI)', () => {
  let sink: HttpSink;
  let files: DefinitionFiles;
  beforeAll(async () => {
    sink = await startHttpSink();
    files = new DefinitionFiles();
    writeDefinitions(files);
  });
  afterAll(async () => {
    await sink?.close();
    files?.remove();
  });

  describe('JetStream: the built engine on its own nats-server', () => {
    let nats: NatsServer;
    let db: TestDatabase;
    let engine: BuiltApp;
    let env: Record<string, string>;
    beforeAll(async () => {
      [nats, db] = await Promise.all([startNatsServer(), createTestDatabase('statehub_cli_redrive_js')]);
      engine = await startBuiltEngine({
        databaseUrl: db.url,
        natsUrl: nats.url,
        definitionsDir: files.dir,
        env: { SINK_URL: sink.url },
      });
      env = { ENGINE_URL: engine.url };
    });
    afterAll(async () => {
      await engine?.stop();
      await nats?.destroy();
      await db?.drop();
    });

    it('lists, shows, dry-runs and redrives an outage letter into one run per definition', async () => {
      const e = event();
      const nc = await connect({ servers: nats.url });
      const letter = {
        original_subject: SUBJECT,
        reason: OUTAGE,
        delivery_count: 5,
        dead_lettered_at: new Date().toISOString(),
        payload_base64: Buffer.from(encodeEnvelope(e)).toString('base64'),
      };
      const seq = (await jetstream(nc).publish(`deadletter.${SUBJECT}`, JSON.stringify(letter))).seq;
      await nc.close();

      const list = await runCli(['dead-letters', 'list', '--json', '--subject', 'org.test.>'], env);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout)).toMatchObject({
        delivery: 'jetstream',
        items: [{ id: String(seq), reason: OUTAGE }],
      });
      const rows = await runCli(['dead-letters', 'list'], env);
      expect(rows.stdout).toMatch(new RegExp(`^${seq}\t${SUBJECT.replace(/\./g, '\\.')}\thandler failed`, 'm'));
      expect(rows.stderr).toBe('1 dead letter in the dead-letter stream\n');
      const show = await runCli(['dead-letters', 'show', String(seq)], env);
      expect(show.stdout).toContain(`reason\t${OUTAGE}\n`);
      expect(show.stdout).toContain(`"id": "${e.id}"`);

      const dry = await runCli(['dead-letters', 'redrive', '--dry-run', '--reason', 'recording runs'], env);
      expect([dry.code, dry.stderr]).toEqual([0, 'dry run: 1 would be redriven, 0 cannot be, 0 not found\n']);
      const done = await runCli(['dead-letters', 'redrive', String(seq), '--by', 'cli-test'], env);
      expect([done.code, done.stderr]).toEqual([0, '1 redriven by cli-test, 0 failed, 0 not found\n']);
      expect(done.stdout).toMatch(new RegExp(`^${seq}\t${SUBJECT.replace(/\./g, '\\.')}\tredriven\t`, 'm'));
      await eventually(async () =>
        expect(await runsFor(engine, '', e.id)).toEqual(DEFINITIONS.map((id) => [id, 'succeeded'])),
      );
      expect((await runCli(['dead-letters', 'redrive', String(seq)], env)).code).toBe(1); // gone: not found
    });

    it('replays a run and waits for it', async () => {
      const manual = await engine.json<{ id: string }>('POST', `/definitions/${MANUAL}/run`);
      const run = await runCli(['runs', 'replay', manual.id, '--wait', '30'], env);
      expect([run.code, run.stderr]).toEqual([0, '']);
      expect(run.stdout).toMatch(
        new RegExp(
          `^run [0-9a-f-]{36} replays ${manual.id} \\(${MANUAL}, trigger replay:[0-9a-f-]{36}\\): succeeded\\n$`,
        ),
      );
    });

    it('exits 2 for bad usage and 1 with one line when the engine cannot be reached or says no', async () => {
      for (const args of [
        ['dead-letters', 'redrive'],
        ['dead-letters', 'show', 'abc'],
        ['runs', 'replay', 'nope'],
        ['dead-letters', 'redrive', '1', '--all'],
      ]) {
        const run = await runCli(args, env);
        expect([args, run.code, run.stderr.split('\n').length]).toEqual([args, 2, 2]);
      }
      const gone = await runCli(['dead-letters', 'list'], { ENGINE_URL: `http://127.0.0.1:${await freePort()}` });
      expect(gone.code).toBe(1);
      expect(gone.stderr).toMatch(
        /^error: cannot reach the engine at http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED \(set ENGINE_URL; .*\)\n$/,
      );
      const missing = await runCli(['dead-letters', 'show', '99999'], env);
      expect([missing.code, missing.stderr]).toEqual([
        1,
        'error: GET /dead-letters/99999 answered 404: dead letter 99999 not found\n',
      ]);
    });
  });

  describe('outbox: the built one-process app without NATS', () => {
    let db: TestDatabase;
    let app: BuiltApp;
    beforeAll(async () => {
      db = await createTestDatabase('statehub_cli_redrive_outbox');
      app = await startBuiltSystem({ databaseUrl: db.url, definitionsDir: files.dir, env: { SINK_URL: sink.url } });
    });
    afterAll(async () => {
      await app?.stop();
      await db?.drop();
    });

    it('redrives every letter with --all through ENGINE_URL=<app>/engine: one run per definition', async () => {
      const e = event();
      const pg = new Client({ connectionString: db.url });
      await pg.connect();
      await pg.query(
        `INSERT INTO dead_letters (source_key, original_subject, reason, payload, delivery_count) VALUES ($1, $2, $3, $4, 5)`,
        [`outbox:${e.id}`, SUBJECT, OUTAGE, Buffer.from(JSON.stringify(e))],
      );
      await pg.end();
      const env = { ENGINE_URL: `${app.url}/engine` };
      const done = await runCli(['dead-letters', 'redrive', '--all', '--json'], env);
      expect(done.code).toBe(0);
      expect(JSON.parse(done.stdout)).toMatchObject({
        counts: { redriven: 1 },
        items: [{ republished_as: `outbox:${e.id}` }],
      });
      await eventually(async () =>
        expect(await runsFor(app, '/engine', e.id)).toEqual(DEFINITIONS.map((id) => [id, 'succeeded'])),
      );
      const list = await runCli(['dead-letters', 'list'], env);
      expect([list.stdout, list.stderr]).toEqual(['', 'no dead letters in the dead_letters table\n']);
    });
  });
});
