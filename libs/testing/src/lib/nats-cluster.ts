// A three-node JetStream cluster of the test's own: nats-server processes on free
// loopback ports, routes between them, a store directory each. A test can ask
// which node leads a stream or a consumer, kill -9 a node and start it again
// (same ports, same store). Only the PIDs started here are ever killed.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually } from './eventually';
import { freePort } from './free-port';
import { spawnNatsServer } from './nats-server';

export interface ClusterNode {
  /** server_name: `n1`, `n2`, `n3`. */
  name: string;
  port: number;
  url: string;
  running(): boolean;
}

export interface NatsCluster {
  nodes: ClusterNode[];
  /** Every node's URL, comma separated: what NATS_URL gets so that clients fail over. */
  url: string;
  node(name: string): ClusterNode;
  /** The server_name of the node that leads the stream (its writes go through it). */
  streamLeader(stream: string): Promise<string>;
  /** The server_name of the node that leads a durable consumer. */
  consumerLeader(stream: string, durable: string): Promise<string>;
  /** kill -9 (or an orderly stop) of one node by its own PID. */
  stop(name: string, signal?: 'SIGKILL' | 'SIGTERM'): Promise<void>;
  /** Starts a stopped node again on its ports and store; resolves when it accepts connections. */
  start(name: string): Promise<void>;
  /** Resolves once the running nodes have elected a JetStream meta leader (the cluster takes stream requests). */
  ready(timeoutMs?: number): Promise<void>;
  destroy(): Promise<void>;
}

interface NodeState extends ClusterNode {
  configFile: string;
  child?: ChildProcess;
}

const CLUSTER_NAME = 'statehub-test';

export async function startNatsCluster(size = 3): Promise<NatsCluster> {
  const root = mkdtempSync(join(tmpdir(), 'statehub-nats-cluster-'));
  const ports = await Promise.all(Array.from({ length: size }, async () => [await freePort(), await freePort()]));
  const nodes: NodeState[] = ports.map(([port, clusterPort], i) => {
    const name = `n${i + 1}`;
    const routes = ports.filter((_, j) => j !== i).map(([, p]) => `nats-route://127.0.0.1:${p}`);
    const configFile = join(root, `${name}.conf`);
    writeFileSync(
      configFile,
      [
        `server_name: ${name}`,
        `listen: 127.0.0.1:${port}`,
        `jetstream { store_dir: "${join(root, name)}" }`,
        `cluster { name: ${CLUSTER_NAME}, listen: 127.0.0.1:${clusterPort}, routes: [${routes.join(', ')}] }`,
        '',
      ].join('\n'),
    );
    const node: NodeState = {
      name,
      port,
      url: `nats://127.0.0.1:${port}`,
      configFile,
      running: () => node.child !== undefined,
    };
    return node;
  });
  const byName = (name: string): NodeState => {
    const node = nodes.find((n) => n.name === name);
    if (!node) throw new Error(`no node ${name} in the cluster (${nodes.map((n) => n.name).join(', ')})`);
    return node;
  };
  const url = nodes.map((n) => n.url).join(',');

  /** A JetStream manager on any running node; closed after `use`. */
  async function withManager<T>(use: (jsm: Awaited<ReturnType<typeof jetstreamManager>>) => Promise<T>): Promise<T> {
    const running = nodes.filter((n) => n.running()).map((n) => n.url);
    const nc = await connect({ servers: running, timeout: 2000 });
    try {
      return await use(await jetstreamManager(nc, { timeout: 2000 }));
    } finally {
      await nc.close();
    }
  }

  const cluster: NatsCluster = {
    nodes,
    url,
    node: byName,
    streamLeader: (stream) =>
      eventually(() => withManager(async (jsm) => leaderOf((await jsm.streams.info(stream)).cluster?.leader)), {
        timeoutMs: 15_000,
      }),
    consumerLeader: (stream, durable) =>
      eventually(
        () => withManager(async (jsm) => leaderOf((await jsm.consumers.info(stream, durable)).cluster?.leader)),
        { timeoutMs: 15_000 },
      ),
    async stop(name, signal = 'SIGKILL') {
      const node = byName(name);
      const proc = node.child;
      if (!proc) return;
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill(signal);
      await exited;
    },
    async start(name) {
      const node = byName(name);
      if (node.child) return;
      node.child = await spawnNatsServer(['-c', node.configFile], node.port, (proc) => {
        if (node.child === proc) node.child = undefined;
      });
    },
    ready: (timeoutMs = 20_000) =>
      eventually(() => withManager(async (jsm) => void (await jsm.getAccountInfo())), { timeoutMs, intervalMs: 200 }),
    async destroy() {
      for (const node of nodes) await cluster.stop(node.name, 'SIGKILL');
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    await Promise.all(nodes.map((n) => cluster.start(n.name)));
    await cluster.ready();
  } catch (error) {
    await cluster.destroy();
    throw error;
  }
  return cluster;
}

function leaderOf(leader: string | undefined): string {
  if (!leader) throw new Error('no leader elected yet');
  return leader;
}
