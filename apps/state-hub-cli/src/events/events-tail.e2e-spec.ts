// `events tail` as a user runs it (`npx state-hub`): on JetStream (its own
// nats-server) and, without NATS, on the outbox of the built hub (Postgres);
// --count, --since, --json, Ctrl-C, and one clear line when it cannot follow.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createEnvelope, encodeEnvelope } from '@state-hub/envelope';
import { call } from '@state-hub/hub-client';
import { createTestDatabase, freePort, type NatsServer, startNatsServer, type TestDatabase } from '@state-hub/testing';
import { Client } from 'pg';
import { type HubProcess, startHub } from '../testing/hub-process';
import { APPLICATION_NAME } from './outbox-feed';
import { runStateHub, type RunningCli, spawnStateHub } from '../testing/run-cli';

const FOLLOWING = /^following .*\(Ctrl-C stops\)$/m;

describe('state-hub events tail on JetStream', () => {
  let nats: NatsServer;
  let nc: NatsConnection;
  let env: Record<string, string>;
  const running: RunningCli[] = [];
  const tail = (args: string[], extra: Record<string, string> = {}) => {
    const cli = spawnStateHub(['events', 'tail', ...args], { ...env, ...extra });
    running.push(cli);
    return cli;
  };
  const publish = async (type: string, attributes: Record<string, unknown>) => {
    const envelope = createEnvelope({ type, publisher: 'cli-test', attributes });
    await jetstream(nc).publish(type, encodeEnvelope(envelope), { msgID: envelope.id });
    return envelope;
  };

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connect({ servers: nats.url });
    await (await jetstreamManager(nc)).streams.add({ name: 'ACTIVITY_EVENTS', subjects: ['org.>'] });
    env = { NATS_URL: nats.url };
  });
  afterAll(async () => {
    for (const cli of running) cli.kill();
    await nc?.close();
    await nats?.destroy();
  });

  it('prints each new event as one line and stops after --count; other subjects are left out', async () => {
    const cli = tail(['org.test.*.happened', '--count', '2']);
    await cli.waitFor(FOLLOWING);
    expect(cli.stderr()).toContain(
      `following org.test.*.happened on stream ACTIVITY_EVENTS at ${nats.url} until 2 events`,
    );
    const first = await publish('org.test.one.happened', { repo_slug: 'alpha', count: 3 });
    await publish('org.other.thing.happened', { ignored: true });
    await publish('org.test.two.happened', { note: 'two words' });
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    const lines = cli.stdout().trimEnd().split('\n');
    expect(lines).toEqual([
      `${first.timestamp}  org.test.one.happened  cli-test  repo_slug=alpha count=3`,
      expect.stringMatching(/^\S+ {2}org\.test\.two\.happened {2}cli-test {2}note="two words"$/),
    ]);
    expect(cli.stderr()).toMatch(/done after 2 events\n$/);
  });

  it('--since reaches back into the stream; --json prints each envelope as received', async () => {
    const cli = tail(['org.test.one.happened', '--since', '1h', '--count', '1', '--json']);
    expect(await cli.exited()).toEqual({ code: 0, signal: null });
    const envelope = JSON.parse(cli.stdout());
    expect(envelope).toMatchObject({
      type: 'org.test.one.happened',
      publisher: 'cli-test',
      attributes: { repo_slug: 'alpha' },
    });
    expect(cli.stdout().trimEnd().split('\n')).toHaveLength(1);
  });

  it('stops cleanly on Ctrl-C (SIGINT) and on SIGTERM: exit 0, the count said', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const cli = tail([]);
      await cli.waitFor(FOLLOWING);
      await publish('org.test.three.happened', {});
      await cli.waitFor(/org\.test\.three\.happened/);
      cli.child.kill(signal);
      expect(await cli.exited()).toEqual({ code: 0, signal: null });
      expect(cli.stderr()).toMatch(/stopped after 1 event\n$/);
    }
  });

  it('exits 1 with one line when the stream is missing or NATS cannot be reached', async () => {
    const missing = await runStateHub(['events', 'tail', '--stream', 'NOPE'], env);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/^error: no stream NOPE at nats:\/\/127\.0\.0\.1:\d+ \(the hub creates it/);
    const port = await freePort();
    const down = await runStateHub(['events', 'tail'], { NATS_URL: `nats://127.0.0.1:${port}` });
    expect(down).toMatchObject({ code: 1, stdout: '' });
    expect(down.stderr).toMatch(new RegExp(`^error: cannot reach NATS at nats://127\\.0\\.0\\.1:${port}: .*\\n$`));
  });
});

describe('state-hub events tail on the outbox of the built hub (no NATS)', () => {
  let hub: HubProcess;
  let plain: TestDatabase;
  beforeAll(async () => {
    [hub, plain] = await Promise.all([startHub(), createTestDatabase('statehub_cli_no_outbox')]);
    await call(hub.client.POST('/domains', { body: { slug: 'tail', name: 'Tail' } }));
  });
  afterAll(async () => {
    await hub?.stop();
    await plain?.drop();
  });

  it('prints the events the hub commits, as they are committed', async () => {
    const cli = spawnStateHub(['events', 'tail', '--count', '1'], { DATABASE_URL: hub.databaseUrl });
    try {
      await cli.waitFor(FOLLOWING);
      expect(cli.stderr()).toContain("in the hub's outbox at postgres://");
      const remote = 'https://git.example.org/tailed.git';
      await call(
        hub.client.POST('/repos', { body: { slug: 'tailed', name: 'Tailed', domain: 'tail', remote_url: remote } }),
      );
      expect(await cli.exited()).toEqual({ code: 0, signal: null });
      const line = cli.stdout().trimEnd();
      expect(line).toMatch(/^\S+Z {2}org\.statehub\.repo\.registered {2}state-hub {2}\S/);
      // the outbox keeps attributes as jsonb: all of them are there, in the database's order
      for (const pair of [
        'repo_slug=tailed',
        'name=Tailed',
        'domain=tail',
        `remote_url=${remote}`,
        'local_path=null',
      ]) {
        expect(line).toContain(pair);
      }
      expect(line.split('\n')).toHaveLength(1);
    } finally {
      cli.kill();
    }
  });

  it('--since shows what is already in the outbox; --json the envelope; Ctrl-C stops', async () => {
    const cli = spawnStateHub(['events', 'tail', 'org.statehub.>', '--since', '24h', '--json'], {
      DATABASE_URL: hub.databaseUrl,
    });
    try {
      await cli.waitFor(/"repo_slug":"tailed"/, 15_000);
      const envelope = JSON.parse(cli.stdout().split('\n')[0]);
      expect(envelope).toMatchObject({ type: 'org.statehub.repo.registered', attributes: { repo_slug: 'tailed' } });
      expect(envelope).toEqual(expect.objectContaining({ id: expect.any(String), version: '1.0' }));
      cli.child.kill('SIGINT');
      expect(await cli.exited()).toEqual({ code: 0, signal: null });
      expect(cli.stderr()).toMatch(/stopped after 1 event\n$/);
    } finally {
      cli.kill();
    }
  });

  it('exits 1 with one line when it loses the database (a restart ends its connection)', async () => {
    const cli = spawnStateHub(['events', 'tail'], { DATABASE_URL: hub.databaseUrl });
    const admin = new Client({ connectionString: hub.databaseUrl });
    try {
      await cli.waitFor(FOLLOWING);
      await admin.connect();
      const { rows } = await admin.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity
          WHERE application_name = $1 AND datname = current_database()`,
        [APPLICATION_NAME],
      );
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.every((row) => row.ended)).toBe(true);
      expect(await cli.exited()).toEqual({ code: 1, signal: null });
      expect(cli.stderr().split('\n').slice(1).join('\n')).toMatch(
        /^error: lost the connection to the database at postgres:\/\/\S+: terminating connection due to administrator command\n$/,
      );
    } finally {
      cli.kill();
      await admin.end();
    }
  });

  it('exits 1 with one line for a database without the hub’s outbox', async () => {
    const run = await runStateHub(['events', 'tail'], { DATABASE_URL: plain.url });
    expect(run).toMatchObject({ code: 1, stdout: '' });
    expect(run.stderr).toMatch(
      /^error: no event_outbox table at postgres:\/\/.*: is DATABASE_URL the hub's database\?\n$/,
    );
  });
});
