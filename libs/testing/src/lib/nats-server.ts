// A nats-server (JetStream on) of the test's own, on a free port with its own
// store directory, so a test can kill and restart it. Only this PID is killed.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

export interface NatsServer {
  port: number;
  url: string;
  /** Starts the server (again), keeping port and store; resolves when it accepts connections. */
  start(): Promise<void>;
  /** `SIGKILL` = kill -9 (no goodbye), `SIGTERM` = orderly stop. */
  stop(signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  destroy(): Promise<void>;
}

export function natsServerBinary(): string {
  const fromEnv = process.env['STATE_HUB_TEST_NATS_SERVER'];
  if (fromEnv) return fromEnv;
  for (const candidate of ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server']) {
    if (existsSync(candidate)) return candidate;
  }
  return 'nats-server';
}

function portAccepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * Spawns nats-server with `args` and resolves once `port` accepts connections; `onExit` hears when the process
 * ends. Throws with the reason when it cannot start.
 */
export async function spawnNatsServer(
  args: string[],
  port: number,
  onExit: (proc: ChildProcess) => void,
): Promise<ChildProcess> {
  const proc = spawn(natsServerBinary(), args, { stdio: 'ignore' });
  let exited = false;
  let spawnError: Error | undefined;
  proc.once('error', (err) => {
    spawnError = new Error(
      `cannot start ${natsServerBinary()} (${err.message}): install nats-server or set STATE_HUB_TEST_NATS_SERVER`,
    );
  });
  proc.once('exit', () => {
    exited = true;
    onExit(proc);
  });
  const deadline = Date.now() + 10_000;
  while (!(await portAccepts(port))) {
    if (spawnError) throw spawnError;
    if (exited) throw new Error(`nats-server on port ${port} exited at start`);
    if (Date.now() > deadline) throw new Error(`nats-server on port ${port} did not start in 10 s`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return proc;
}

export async function startNatsServer(): Promise<NatsServer> {
  const port = await freePort();
  const storeDir = mkdtempSync(join(tmpdir(), 'statehub-nats-'));
  let child: ChildProcess | undefined;

  const server: NatsServer = {
    port,
    url: `nats://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      child = await spawnNatsServer(['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], port, (exited) => {
        if (child === exited) child = undefined;
      });
    },
    async stop(signal = 'SIGTERM') {
      const proc = child;
      if (!proc) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(signal);
      await exited;
    },
    async destroy() {
      await server.stop('SIGKILL');
      rmSync(storeDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
