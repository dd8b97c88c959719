// `runs list | show` as a user runs them (`npx state-hub`) against the built
// engine on its own nats-server: runs that succeeded, failed and were skipped.
import {
  type BuiltApp,
  createTestDatabase,
  DefinitionFiles,
  eventually,
  type HttpSink,
  type NatsServer,
  startBuiltEngine,
  startHttpSink,
  startNatsServer,
  type TestDatabase,
} from '@state-hub/testing';
import { runStateHub } from '../testing/run-cli';

const manual = (id: string, rest: string) => `id: ${id}\ntrigger: { trigger_type: manual }\n${rest}`;

describe('state-hub runs list | show (the built engine)', () => {
  let sink: HttpSink;
  let nats: NatsServer;
  let db: TestDatabase;
  let engine: BuiltApp;
  let files: DefinitionFiles;
  let env: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    sink = await startHttpSink();
    sink.respond('/fails', 503, { message: 'down for maintenance' });
    files = new DefinitionFiles();
    files.write('ok.yaml', manual('test.ok', "instruction: { kind: http, method: POST, url: '${SINK_URL}/ok' }\n"));
    files.write(
      'fails.yaml',
      manual('test.fails', "instruction: { kind: http, method: POST, url: '${SINK_URL}/fails', on_failure: fail }\n"),
    );
    files.write(
      'declines.yaml',
      manual(
        'test.declines',
        "rule: { when: ['1 == 2'] }\ninstruction: { kind: http, method: POST, url: '${SINK_URL}/never' }\n",
      ),
    );
    [nats, db] = await Promise.all([startNatsServer(), createTestDatabase('statehub_cli_runs')]);
    engine = await startBuiltEngine({
      databaseUrl: db.url,
      natsUrl: nats.url,
      definitionsDir: files.dir,
      env: { SINK_URL: sink.url },
    });
    env = { ENGINE_URL: engine.url };
    for (const id of ['test.ok', 'test.fails', 'test.declines']) {
      ids[id] = (await engine.json<{ id: string }>('POST', `/definitions/${id}/run`)).id;
      await eventually(async () => {
        const run = await engine.json<{ status: string }>('GET', `/runs/${ids[id]}`);
        expect(run.status).not.toBe('running');
      });
    }
  });
  afterAll(async () => {
    await engine?.stop();
    await nats?.destroy();
    await db?.drop();
    await sink?.close();
    files?.remove();
  });

  it('lists runs newest first, one tab-separated line each, the count as a note', async () => {
    const run = await runStateHub(['runs', 'list'], env);
    expect(run.code).toBe(0);
    const [head, ...rows] = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => line.split('\t'));
    expect(head).toEqual(['started', 'id', 'definition', 'trigger', 'status', 'duration', 'skip reason / error']);
    expect(rows.map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [ids['test.declines'], 'test.declines', 'manual', 'skipped'],
      [ids['test.fails'], 'test.fails', 'manual', 'failed'],
      [ids['test.ok'], 'test.ok', 'manual', 'succeeded'],
    ]);
    expect(rows[0][6]).toBe('"1 == 2" is false');
    expect(rows[1][6]).toMatch(/503/);
    expect(rows[2][0]).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(run.stderr).toBe('3 of 3 runs, newest first\n');
  });

  it('filters by definition, status, time and count; --json is the engine’s page', async () => {
    const failed = await runStateHub(['runs', 'list', '--status', 'failed', '--json'], env);
    expect(JSON.parse(failed.stdout)).toMatchObject({
      items: [{ id: ids['test.fails'], status: 'failed', definition_id: 'test.fails' }],
      total: 1,
      limit: 50,
      offset: 0,
    });
    const one = await runStateHub(
      ['runs', 'list', '--definition', 'test.ok', '--since', '1h', '--limit', '1', '--json'],
      env,
    );
    expect(JSON.parse(one.stdout)).toMatchObject({ items: [{ id: ids['test.ok'] }], total: 1, limit: 1 });
    const none = await runStateHub(['runs', 'list', '--definition', 'test.nothing'], env);
    expect(none).toMatchObject({ code: 0, stdout: '', stderr: 'no runs\n' });
  });

  it('shows one run field by field with its rule checks and result, or as JSON', async () => {
    const text = await runStateHub(['runs', 'show', ids['test.declines']], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`id\t${ids['test.declines']}\n`);
    expect(text.stdout).toContain('status\tskipped\n');
    expect(text.stdout).toContain('skip reason\t"1 == 2" is false\n');
    expect(text.stdout).toMatch(/\nrule:\n\{\n/);
    const json = await runStateHub(['runs', 'show', ids['test.fails'], '--json'], env);
    expect(JSON.parse(json.stdout)).toMatchObject({
      id: ids['test.fails'],
      status: 'failed',
      trigger_kind: 'manual',
      replays: [],
      error: expect.stringMatching(/503/),
    });
  });

  it('exits 1 with the engine’s line for a run it does not know, 2 for a bad id or status', async () => {
    const missing = await runStateHub(['runs', 'show', '0190f7a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b'], env);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^error: GET \/runs\/0190f7a4-1c2d-7e3f-8a9b-0c1d2e3f4a5b answered 404: .*\n$/);
    expect((await runStateHub(['runs', 'show', '42'], env)).code).toBe(2);
    expect((await runStateHub(['runs', 'list', '--status', 'done'], env)).code).toBe(2);
  });
});
