// The three-node cluster harness against real nats-server processes: an R3
// stream survives its leader's kill -9 (a new leader, the messages kept), and a
// restarted node rejoins.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually } from './eventually';
import { type NatsCluster, startNatsCluster } from './nats-cluster';

describe('startNatsCluster (three real nats-servers)', () => {
  let cluster: NatsCluster;
  beforeAll(async () => {
    cluster = await startNatsCluster();
  }, 60_000);
  afterAll(() => cluster?.destroy());

  it('elects a new stream leader after a kill -9 of the old one; nothing is lost; the node rejoins', async () => {
    const nc = await connect({ servers: cluster.url });
    try {
      const jsm = await jetstreamManager(nc);
      await jsm.streams.add({ name: 'HARNESS', subjects: ['harness.>'], num_replicas: 3 });
      const js = jetstream(nc);
      for (let i = 0; i < 10; i++) await js.publish('harness.x', `m${i}`);
      const leader = await cluster.streamLeader('HARNESS');
      expect(['n1', 'n2', 'n3']).toContain(leader);

      await cluster.stop(leader);
      expect(cluster.node(leader).running()).toBe(false);
      const next = await cluster.streamLeader('HARNESS');
      expect(next).not.toBe(leader);
      await eventually(() => js.publish('harness.x', 'after'), { timeoutMs: 15_000, intervalMs: 250 });
      expect((await jsm.streams.info('HARNESS')).state.messages).toBe(11);

      await cluster.start(leader);
      await eventually(
        async () => {
          const replicas = (await jsm.streams.info('HARNESS')).cluster?.replicas ?? [];
          expect(replicas.find((r) => r.name === leader)).toMatchObject({ current: true });
        },
        { timeoutMs: 20_000, intervalMs: 250 },
      );
    } finally {
      await nc.close();
    }
  }, 90_000);
});
