// A per-second schedule on two engines sharing one database: every slot runs
// exactly once across both, over many real ticks (no fake clock).
import {
  createTestDatabase,
  DefinitionFiles,
  type HttpSink,
  type NatsServer,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { Client } from 'pg';
import { startTestEngine, type TestEngine } from '../testing/test-engine';

const SECONDS = 12;

describe('event-consumer: cron ticks on two replicas (Postgres + own nats-server)', () => {
  let db: TestDatabase;
  let nats: NatsServer;
  let sink: HttpSink;
  let files: DefinitionFiles;
  const engines: TestEngine[] = [];

  beforeAll(async () => {
    [db, nats, sink] = await Promise.all([createTestDatabase(), startNatsServer(), startHttpSink()]);
    files = new DefinitionFiles();
    files.write(
      'every-second.yaml',
      `id: test.every-second\ntrigger: { trigger_type: cron, cron_expression: '* * * * * *' }\ninstruction: { kind: http, method: POST, url: '${sink.url}/tick' }\n`,
    );
    for (const replica of ['a', 'b']) {
      engines.push(
        await startTestEngine({ databaseUrl: db.url, natsUrl: nats.url, definitionsDir: files.dir, replica }),
      );
    }
  });
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.close()));
    await Promise.all([sink?.close(), nats?.destroy(), db?.drop()]);
    files?.remove();
  });

  it('runs each slot once across both engines', async () => {
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    await Promise.all(engines.map((e) => e.close()));
    engines.length = 0;
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query<{ trigger_key: string; status: string; replica: string; n: number }>(
      `SELECT trigger_key, status, replica, count(*) OVER (PARTITION BY trigger_key)::int AS n
         FROM activity_runs WHERE definition_id = 'test.every-second' ORDER BY trigger_key`,
    );
    await pg.end();
    const ran = rows.filter((r) => r.status === 'succeeded');
    const replicas = new Set(ran.map((r) => r.replica));
    console.log(
      `cron-ticks: slots=${rows.length} ran=${ran.length} duplicates=${rows.filter((r) => r.n > 1).length} ` +
        `replicas=${[...replicas].join(',')} requests=${sink.requests.length}`,
    );
    expect(ran.length).toBeGreaterThanOrEqual(SECONDS - 3); // start-up and shutdown may cost a slot or two
    expect(sink.requests.filter((r) => r.url === '/tick')).toHaveLength(ran.length); // each slot ran once
    // consecutive slots, one second apart: none lost in the middle
    const seconds = ran.map((r) => Date.parse(r.trigger_key.replace(/^cron:/, '')) / 1000);
    for (let i = 1; i < seconds.length; i++) expect(seconds[i] - seconds[i - 1]).toBe(1);
  });
});
