// Delivery through Nest: exact and wildcard @EventPattern handlers get the decoded
// envelope and a JetStreamContext; settled messages leave nothing pending.
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@state-hub/envelope';
import { eventually, type NatsServer, startNatsServer } from '@state-hub/testing';
import { startTransportApp, type TransportTestApp } from '../testing/transport-test-app';
import { sleep, testEnvelope, TestNatsClient } from '../testing/test-nats-client';
import type { JetStreamContext } from './jetstream-context';

interface Call {
  handler: string;
  envelope: EventEnvelope;
  ctx: JetStreamContext;
}
const calls: Call[] = [];

@Controller()
class DeliveryController {
  @EventPattern<string>('org.test.thing.happened')
  exact(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    calls.push({ handler: 'exact', envelope, ctx });
  }

  @EventPattern<string>('org.test.*.created')
  created(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    calls.push({ handler: 'created', envelope, ctx });
    return sleep(20); // an async handler: settled after its promise
  }

  @EventPattern<string>('org.test.>')
  anyTest(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    calls.push({ handler: 'any-test', envelope, ctx });
  }
}

describe('JetStreamServer delivery (own nats-server)', () => {
  let nats: NatsServer;
  let client: TestNatsClient;
  let t: TransportTestApp;

  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTransportApp([DeliveryController], {
      servers: nats.url,
      stream: 'ACTIVITY_EVENTS',
      durable: 'delivery',
    });
    client = await TestNatsClient.connect(nats.url);
  });
  afterAll(async () => {
    await t?.close();
    await client?.close();
    await nats?.destroy();
  });
  beforeEach(() => {
    calls.length = 0;
  });

  const settled = async () =>
    eventually(async () => {
      const info = await client.consumerInfo('ACTIVITY_EVENTS', 'delivery');
      expect(info.num_pending).toBe(0);
      expect(info.num_ack_pending).toBe(0);
      return info;
    });

  it('hands an event to its exact handler with the decoded envelope, then acks it', async () => {
    const envelope = testEnvelope('org.test.thing.happened', { thing_id: 't-1' });
    const seq = await client.publishEvent(envelope);

    await eventually(() => expect(calls).toHaveLength(1));
    const [call] = calls;
    expect(call.handler).toBe('exact');
    expect(call.envelope).toEqual(envelope);
    expect(call.ctx).toMatchObject({
      subject: 'org.test.thing.happened',
      envelope,
      deliveryCount: 1,
      streamSequence: seq,
      msgId: envelope.id,
    });
    const info = await settled();
    expect(info.num_redelivered).toBe(0);
    await sleep(300);
    expect(calls).toHaveLength(1);
    expect(t.server.stats()).toMatchObject({ acked: 1, naked: 0, termed: 0, deadLettered: 0, inFlight: 0 });
  });

  it('routes by wildcard, the most specific pattern first', async () => {
    await client.publishEvent(testEnvelope('org.test.repo.created'));
    await client.publishEvent(testEnvelope('org.test.task.created'));
    await client.publishEvent(testEnvelope('org.test.task.stale.flagged'));

    await eventually(() => expect(calls).toHaveLength(3));
    const bySubject = Object.fromEntries(calls.map((c) => [c.ctx.subject, c.handler]));
    expect(bySubject).toEqual({
      'org.test.repo.created': 'created',
      'org.test.task.created': 'created',
      'org.test.task.stale.flagged': 'any-test',
    });
    expect((await settled()).num_redelivered).toBe(0);
  });

  it('acks and counts an event no handler matches', async () => {
    const before = t.server.stats().unmatched;
    await client.publishEvent(testEnvelope('org.elsewhere.thing.happened'));

    await eventually(() => expect(t.server.stats().unmatched).toBe(before + 1));
    await settled();
    expect(calls).toHaveLength(0);
    expect(t.logger.lines.some((l) => l.includes('no handler for org.elsewhere.thing.happened'))).toBe(true);
  });

  it('creates the event and dead-letter streams and a durable explicit-ack consumer', async () => {
    const info = await client.consumerInfo('ACTIVITY_EVENTS', 'delivery');
    expect(info.config).toMatchObject({
      durable_name: 'delivery',
      ack_policy: 'explicit',
      max_deliver: 5,
      filter_subject: 'org.>',
    });
    expect(info.config.ack_wait).toBe(30_000 * 1_000_000);
    expect(info.config.backoff ?? []).toEqual([]);
    expect(await client.deadLetters()).toEqual([]);
  });
});
