// `npm run stack -- --replicas 2` (tools/stack.js) on a database and nats-server of the
// test's own: every replica comes up healthy and is listed, the replicas share one
// database, and Ctrl-C (SIGINT) stops every process it started. Bad flags and an
// unreachable NATS are refused with a clear message before anything starts.
import { createTestDatabase, type NatsServer, startNatsServer, type TestDatabase } from '@state-hub/testing';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from '../testing/built-apps';

const STACK = join(WORKSPACE_ROOT, 'tools/stack.js');

function portAccepts(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

describe('npm run stack (tools/stack.js) with two replicas of each app', () => {
  let nats: NatsServer;
  let db: TestDatabase;
  let stack: ChildProcess | undefined;
  let output = '';

  beforeAll(async () => {
    [nats, db] = await Promise.all([startNatsServer(), createTestDatabase('statehub_chaos_stack')]);
  });

  afterAll(async () => {
    // After a failure mid-test: stop the runner (and so its apps) before their NATS and database go.
    if (stack && stack.exitCode === null && stack.signalCode === null) {
      const running = stack;
      const exited = new Promise((r) => running.once('exit', r));
      running.kill('SIGINT');
      const stopped = await Promise.race([exited.then(() => true), new Promise((r) => setTimeout(r, 20_000, false))]);
      if (!stopped) running.kill('SIGKILL');
    }
    await nats?.destroy();
    await db?.drop();
  });

  it('refuses a bad flag and an unreachable NATS with a clear message, starting nothing', () => {
    const bad = spawnSync(process.execPath, [STACK, '--replicas', '9'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("--replicas must be an integer from 1 to 4, not '9'");
    const noNats = spawnSync(process.execPath, [STACK, '--no-build'], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: db.url, NATS_URL: 'nats://127.0.0.1:1' },
    });
    expect(noNats.status).toBe(1);
    expect(noNats.stderr).toContain('cannot reach NATS at 127.0.0.1:1');
  });

  it('starts 2 APIs and 2 engines, lists them healthy, and stops all of them on Ctrl-C', async () => {
    // Below the ephemeral range (32768+ here), as the default 3000 is: stack.js picks its four ports up front, and
    // one taken from that range could be handed to an outgoing connection of the first apps before the last starts.
    const basePort = 20_000 + Math.floor(Math.random() * 10_000);
    const child = spawn(process.execPath, [STACK, '--replicas', '2', '--no-build'], {
      cwd: WORKSPACE_ROOT,
      env: { ...process.env, DATABASE_URL: db.url, NATS_URL: nats.url, STACK_BASE_PORT: String(basePort) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    stack = child;
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    const deadline = Date.now() + 120_000;
    while (!output.includes('Ctrl-C stops everything')) {
      if (child.exitCode !== null) throw new Error(`the stack exited (${child.exitCode}) before it was up:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the stack was not up within 120 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const listed = [...output.matchAll(/^ {2}(api-\d|engine-\d) +(http:\/\/127\.0\.0\.1:\d+) /gm)].map((m) => ({
      name: m[1],
      url: m[2],
    }));
    expect(listed.map((l) => l.name)).toEqual(['api-1', 'api-2', 'engine-1', 'engine-2']);
    const [api1, api2, engine1, engine2] = listed.map((l) => l.url);
    for (const api of [api1, api2]) expect((await fetch(`${api}/state/health`)).status).toBe(200);
    const definitions = readdirSync(join(WORKSPACE_ROOT, 'activity-definitions')).filter((f) => f.endsWith('.yaml'));
    for (const engine of [engine1, engine2]) {
      const health = await (await fetch(`${engine}/health`)).json();
      expect(health).toMatchObject({ status: 'ok', definitions: { loaded: definitions.length, invalid: 0 } });
    }
    expect(output).toMatch(/engine-1 +http:\/\/127\.0\.0\.1:\d+ +\S+\/runs +definitions: \d+ loaded, 0 invalid/);
    // Each API forwards the dashboard's /engine/ to an engine of the stack.
    for (const api of [api1, api2]) {
      const forwarded = await (await fetch(`${api}/engine/health`)).json();
      expect(forwarded).toMatchObject({ status: 'ok', definitions: { loaded: definitions.length } });
    }

    // One database behind both APIs: what one registers, the other serves.
    const post = (path: string, body: unknown) =>
      fetch(`${api1}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post('/domains', { slug: 'stack', name: 'Stack' })).status).toBe(201);
    expect(
      (await post('/repos', { slug: 'stack-repo', name: 'Stack repo', domain: 'stack', local_path: '/srv/stack' }))
        .status,
    ).toBe(201);
    const repo = await fetch(`${api2}/repos/stack-repo`);
    expect(repo.status).toBe(200);
    expect(await repo.json()).toMatchObject({ slug: 'stack-repo', domain: 'stack' });

    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('[stack] stopped');
    for (const url of [api1, api2, engine1, engine2]) expect(await portAccepts(url)).toBe(false);
    console.log(`stack runner: 2 APIs + 2 engines up and listed, ${definitions.length} definitions each, all stopped`);
  }, 180_000);
});
