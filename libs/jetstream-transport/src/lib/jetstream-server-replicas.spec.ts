// Replicas on one durable share the work, and a replica that closes finishes
// what it started and hands the rest to the others: nothing lost, nothing twice.
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@state-hub/envelope';
import { eventually, type NatsServer, startNatsServer } from '@state-hub/testing';
import { startTransportApp, type TransportTestApp } from '../testing/transport-test-app';
import { sleep, testEnvelope, TestNatsClient } from '../testing/test-nats-client';
import type { JetStreamContext } from './jetstream-context';

// Each app gets its own controller class, so the test can tell which replica handled what.
function recordingController(name: string, handled: Array<{ replica: string; id: string }>, workMs: number) {
  const started = new Set<string>();
  const finished = new Set<string>();
  @Controller()
  class ReplicaController {
    @EventPattern<string>('org.test.*.queued')
    async work(@Payload() envelope: EventEnvelope, @Ctx() _ctx: JetStreamContext): Promise<void> {
      started.add(envelope.id);
      await sleep(workMs);
      finished.add(envelope.id);
      handled.push({ replica: name, id: envelope.id });
    }
  }
  return { controller: ReplicaController, started, finished };
}

describe('JetStreamServer replicas (own nats-server)', () => {
  let nats: NatsServer;
  let client: TestNatsClient;
  const apps: TransportTestApp[] = [];

  beforeAll(async () => {
    nats = await startNatsServer();
    client = await TestNatsClient.connect(nats.url);
  });
  afterAll(async () => {
    await Promise.all(apps.map((a) => a.close()));
    await client?.close();
    await nats?.destroy();
  });

  const start = async (
    controller: ReturnType<typeof recordingController>['controller'],
    durable: string,
    extra = {},
  ) => {
    const app = await startTransportApp([controller], {
      servers: nats.url,
      stream: 'ACTIVITY_EVENTS',
      durable,
      filterSubject: `org.test.${durable}.queued`,
      ...extra,
    });
    apps.push(app);
    return app;
  };

  it('two servers on the same durable handle each message exactly once in total', async () => {
    const handled: Array<{ replica: string; id: string }> = [];
    const a = recordingController('a', handled, 40);
    const b = recordingController('b', handled, 40);
    await start(a.controller, 'shared', { maxInFlight: 2 });
    await start(b.controller, 'shared', { maxInFlight: 2 });

    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const envelope = testEnvelope('org.test.shared.queued', { i });
      ids.push(envelope.id);
      await client.publishEvent(envelope);
    }

    await eventually(() => expect(handled).toHaveLength(ids.length), { timeoutMs: 20_000 });
    await sleep(500);
    expect(handled.map((h) => h.id).sort()).toEqual([...ids].sort());
    expect(handled.filter((h) => h.replica === 'a').length).toBeGreaterThan(0);
    expect(handled.filter((h) => h.replica === 'b').length).toBeGreaterThan(0);
    const info = await client.consumerInfo('ACTIVITY_EVENTS', 'shared');
    expect(info.num_ack_pending).toBe(0);
    expect(info.num_redelivered).toBe(0);
  });

  it('close() lets running handlers finish and ack; the rest go to the next replica', async () => {
    const handled: Array<{ replica: string; id: string }> = [];
    const first = recordingController('first', handled, 1000);
    const firstApp = await start(first.controller, 'handover', { maxInFlight: 2, ackWaitMs: 3000 });

    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const envelope = testEnvelope('org.test.handover.queued', { i });
      ids.push(envelope.id);
      await client.publishEvent(envelope);
    }
    await eventually(() => expect(first.started.size).toBeGreaterThan(0));

    const closing = Date.now();
    await firstApp.close();
    const closeMs = Date.now() - closing;
    // Everything the first replica started, it finished and the server confirmed the ack.
    expect(first.started.size).toBeGreaterThan(0);
    expect([...first.finished].sort()).toEqual([...first.started].sort());
    expect(firstApp.server.stats()).toMatchObject({ acked: first.finished.size, inFlight: 0 });
    expect(closeMs).toBeLessThan(10_000);

    const second = recordingController('second', handled, 10);
    // Replicas share one configuration (a different one would update the consumer).
    await start(second.controller, 'handover', { maxInFlight: 2, ackWaitMs: 3000 });
    const handover = Date.now();
    await eventually(() => expect(new Set(handled.map((h) => h.id)).size).toBe(ids.length), { timeoutMs: 20_000 });
    expect(new Set(handled.map((h) => h.id))).toEqual(new Set(ids)); // none lost
    // What the first replica acked is never redone; the handover took no ack wait.
    expect([...second.started].some((id) => first.finished.has(id))).toBe(false);
    expect(Date.now() - handover).toBeLessThan(2500);
  });
});
