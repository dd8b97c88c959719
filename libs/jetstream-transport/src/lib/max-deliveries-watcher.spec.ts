// A handler that hangs never settles its message: the server redelivers it on
// every ack-wait expiry until max_deliver, then says so in an advisory, and the
// transport dead-letters the message from the stream.
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@state-hub/envelope';
import { eventually, type NatsServer, startNatsServer } from '@state-hub/testing';
import { startTransportApp, type TransportTestApp } from '../testing/transport-test-app';
import { decodePayload, testEnvelope, TestNatsClient } from '../testing/test-nats-client';
import type { JetStreamContext } from './jetstream-context';
import { MAX_DELIVERIES_REASON } from './max-deliveries-watcher';

const deliveries: number[] = [];
let release: () => void = () => undefined;
const stuck = new Promise<void>((resolve) => (release = resolve));

@Controller()
class StuckController {
  @EventPattern<string>('org.test.stuck.happened')
  async hang(@Payload() _envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    deliveries.push(ctx.deliveryCount);
    await stuck;
  }
}

describe('max-deliveries advisory (own nats-server)', () => {
  let nats: NatsServer;
  let client: TestNatsClient;
  let t: TransportTestApp;

  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTransportApp([StuckController], {
      servers: nats.url,
      stream: 'ACTIVITY_EVENTS',
      durable: 'stuck',
      maxDeliver: 2,
      ackWaitMs: 1000,
      closeTimeoutMs: 2000,
    });
    client = await TestNatsClient.connect(nats.url);
  });
  afterAll(async () => {
    release();
    await t?.close();
    await client?.close();
    await nats?.destroy();
  });

  it('dead-letters a message whose deliveries all expired, once, from the stream copy', async () => {
    const envelope = testEnvelope('org.test.stuck.happened', { why: 'handler hangs' });
    const seq = await client.publishEvent(envelope);

    const letters = await eventually(
      async () => {
        const found = await client.deadLetters();
        expect(found).toHaveLength(1);
        return found;
      },
      { timeoutMs: 15_000, intervalMs: 200 },
    );
    expect(deliveries).toEqual([1, 2]);
    expect(letters[0]).toMatchObject({
      subject: 'deadletter.org.test.stuck.happened',
      original_subject: 'org.test.stuck.happened',
      reason: MAX_DELIVERIES_REASON,
      stream_sequence: seq,
      delivery_count: 2,
      msgId: `ACTIVITY_EVENTS:${seq}`,
    });
    expect(JSON.parse(decodePayload(letters[0]))).toEqual(envelope);
    expect(letters[0].headers?.['Nats-Msg-Id']).toEqual([envelope.id]);
    expect(t.server.stats().deadLettered).toBe(1);

    release(); // the late handlers finish; their acks change nothing
    await eventually(() => expect(t.server.stats().inFlight).toBe(0), { timeoutMs: 12_000 });
    expect(await client.deadLetters()).toHaveLength(1);
    expect(deliveries).toEqual([1, 2]);
  });
});
