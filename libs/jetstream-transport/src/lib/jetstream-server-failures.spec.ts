// Failure paths: transient errors are nak'd with an explicit delay and retried,
// exhausted and poison messages and undecodable payloads are dead-lettered, and
// none of it blocks the messages behind.
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@state-hub/envelope';
import { eventually, type NatsServer, startNatsServer } from '@state-hub/testing';
import { startTransportApp, type TransportTestApp } from '../testing/transport-test-app';
import { decodePayload, sleep, testEnvelope, TestNatsClient } from '../testing/test-nats-client';
import type { JetStreamContext } from './jetstream-context';
import { PoisonMessageError } from './poison-message-error';
import { TransientError } from './transient-error';

const NAK_DELAY_MS = 200;
const MAX_DELIVER = 3;
const seen: Record<string, Array<{ at: number; deliveryCount: number; id: string }>> = {};
const note = (name: string, envelope: EventEnvelope, ctx: JetStreamContext) =>
  (seen[name] ??= []).push({ at: Date.now(), deliveryCount: ctx.deliveryCount, id: envelope.id });

@Controller()
class FailingController {
  @EventPattern<string>('org.test.flaky.happened')
  flaky(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    note('flaky', envelope, ctx);
    if (ctx.deliveryCount < 3) throw new TransientError(`database unavailable (delivery ${ctx.deliveryCount})`);
  }

  @EventPattern<string>('org.test.broken.happened')
  async broken(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    note('broken', envelope, ctx);
    await sleep(5);
    throw new TransientError('downstream still down');
  }

  @EventPattern<string>('org.test.plain.failed')
  plain(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    note('plain', envelope, ctx);
    throw new Error('an ordinary bug');
  }

  @EventPattern<string>('org.test.poison.happened')
  poison(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    note('poison', envelope, ctx);
    throw new PoisonMessageError('attributes break the contract');
  }

  @EventPattern<string>('org.test.*.after')
  after(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    note('after', envelope, ctx);
  }

  @EventPattern<string>('org.test.garbage.sent')
  garbage(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    note('garbage', envelope, ctx);
  }
}

describe('JetStreamServer failures (own nats-server)', () => {
  let nats: NatsServer;
  let client: TestNatsClient;
  let t: TransportTestApp;

  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTransportApp([FailingController], {
      servers: nats.url,
      stream: 'ACTIVITY_EVENTS',
      durable: 'failures',
      maxDeliver: MAX_DELIVER,
      nakDelayMs: () => NAK_DELAY_MS,
    });
    client = await TestNatsClient.connect(nats.url);
  });
  afterAll(async () => {
    await t?.close();
    await client?.close();
    await nats?.destroy();
  });

  const lettersFor = async (subject: string) =>
    (await client.deadLetters()).filter((l) => l.original_subject === subject);

  it('retries a TransientError after the explicit nak delay, then acks the success', async () => {
    await client.publishEvent(testEnvelope('org.test.flaky.happened'));

    await eventually(() => expect(seen['flaky']).toHaveLength(3));
    const [first, second, third] = seen['flaky'];
    expect([first.deliveryCount, second.deliveryCount, third.deliveryCount]).toEqual([1, 2, 3]);
    expect(second.at - first.at).toBeGreaterThanOrEqual(NAK_DELAY_MS);
    expect(third.at - second.at).toBeGreaterThanOrEqual(NAK_DELAY_MS);
    await eventually(async () =>
      expect((await client.consumerInfo('ACTIVITY_EVENTS', 'failures')).num_ack_pending).toBe(0),
    );
    await sleep(NAK_DELAY_MS * 2);
    expect(seen['flaky']).toHaveLength(3);
    expect(await lettersFor('org.test.flaky.happened')).toEqual([]);
  });

  it('dead-letters a message that fails every delivery, and keeps delivering later ones', async () => {
    const envelope = testEnvelope('org.test.broken.happened', { n: 1 });
    const seq = await client.publishEvent(envelope);

    const [letter] = await eventually(async () => {
      const letters = await lettersFor('org.test.broken.happened');
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(seen['broken'].map((s) => s.deliveryCount)).toEqual([1, 2, 3]);
    expect(letter).toMatchObject({
      subject: 'deadletter.org.test.broken.happened',
      stream_sequence: seq,
      delivery_count: 3,
    });
    expect(letter.reason).toContain('failed on all 3 deliveries');
    expect(letter.reason).toContain('downstream still down');
    expect(JSON.parse(decodePayload(letter))).toEqual(envelope);
    expect(letter.headers?.['Nats-Msg-Id']).toEqual([envelope.id]);
    expect(letter.msgId).toBe(`ACTIVITY_EVENTS:${seq}`);

    const later = testEnvelope('org.test.broken.after');
    await client.publishEvent(later);
    await eventually(() => expect(seen['after']?.map((s) => s.id)).toContain(later.id));
    await sleep(NAK_DELAY_MS * 2);
    expect(seen['broken']).toHaveLength(3);
  });

  it('treats an ordinary error as transient (Nest hides its message behind a generic one)', async () => {
    await client.publishEvent(testEnvelope('org.test.plain.failed'));

    const [letter] = await eventually(async () => {
      const letters = await lettersFor('org.test.plain.failed');
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(seen['plain']).toHaveLength(MAX_DELIVER);
    expect(letter.reason).toContain('Internal server error');
  });

  it('dead-letters undecodable payloads with the reason, and handles the next valid message', async () => {
    const subject = 'org.test.garbage.sent';
    await client.publishRaw(subject, new Uint8Array([0xff, 0xfe, 0x00, 0x81]));
    await client.publishRaw(subject, '{"id": "0190c');
    await client.publishRaw(subject, JSON.stringify({ id: 42, type: subject }));
    await client.publishRaw(subject, JSON.stringify(testEnvelope('org.test.other.thing')));
    const valid = testEnvelope(subject, { ok: true });
    await client.publishEvent(valid);

    await eventually(() => expect(seen['garbage']?.map((s) => s.id)).toEqual([valid.id]));
    const letters = await eventually(async () => {
      const found = await lettersFor(subject);
      expect(found).toHaveLength(4);
      return found;
    });
    expect(letters.map((l) => l.reason)).toEqual([
      expect.stringContaining('not valid UTF-8'),
      expect.stringContaining('not valid JSON'),
      expect.stringContaining('invalid envelope'),
      expect.stringContaining('does not match subject org.test.garbage.sent'),
    ]);
    expect(Buffer.from(letters[0].payload_base64, 'base64')).toEqual(Buffer.from([0xff, 0xfe, 0x00, 0x81]));
    expect(decodePayload(letters[1])).toBe('{"id": "0190c');
    expect(letters.every((l) => l.delivery_count === 1)).toBe(true);
  });

  it('dead-letters a PoisonMessageError once, without redelivery', async () => {
    const envelope = testEnvelope('org.test.poison.happened');
    await client.publishEvent(envelope);

    const [letter] = await eventually(async () => {
      const letters = await lettersFor('org.test.poison.happened');
      expect(letters).toHaveLength(1);
      return letters;
    });
    expect(letter.reason).toBe('poison message: PoisonMessageError: attributes break the contract');
    expect(letter.delivery_count).toBe(1);
    await sleep(NAK_DELAY_MS * 3);
    expect(seen['poison']).toHaveLength(1);
  });

  it('leaves nothing pending and counts what it did', async () => {
    const info = await eventually(async () => {
      const i = await client.consumerInfo('ACTIVITY_EVENTS', 'failures');
      expect(i.num_pending).toBe(0);
      expect(i.num_ack_pending).toBe(0);
      return i;
    });
    expect(info.num_redelivered).toBe(0);
    const stats = t.server.stats();
    expect(stats.deadLettered).toBe(7); // broken, plain, 4 garbage, poison
    expect(stats.termed).toBe(7);
    expect(stats.naked).toBe(2 + 2 + 2); // flaky, broken, plain
    expect(stats.inFlight).toBe(0);
  });
});
