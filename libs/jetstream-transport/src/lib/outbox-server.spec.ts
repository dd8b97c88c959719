// The outbox transport through Nest, as the engine wires it: the same handlers,
// wildcard routing and failure rules as on JetStream, settled through publish().
import { Controller } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { memoryLogger } from '../testing/transport-test-app';
import { testEnvelope } from '../testing/test-nats-client';
import type { DeadLetter } from './dead-letter';
import type { JetStreamContext } from './jetstream-context';
import { OutboxServer } from './outbox-server';
import { PoisonMessageError } from './poison-message-error';
import { TransientError } from './transient-error';

const calls: Array<{ handler: string; envelope: EventEnvelope; ctx: JetStreamContext }> = [];

@Controller()
class OutboxTestController {
  @EventPattern<string>('org.test.thing.happened')
  exact(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    calls.push({ handler: 'exact', envelope, ctx });
    ctx.working();
  }

  @EventPattern<string>('org.test.flaky.>')
  flaky(@Payload() envelope: EventEnvelope, @Ctx() ctx: JetStreamContext): void {
    calls.push({ handler: 'flaky', envelope, ctx });
    throw new TransientError('database unavailable');
  }

  @EventPattern<string>('org.test.poison.happened')
  poison(): void {
    throw new PoisonMessageError('repo_slug missing');
  }
}

describe('OutboxServer', () => {
  const letters: Array<{ letter: DeadLetter; key: string }> = [];
  const kept: string[] = [];
  const logger = memoryLogger();
  const server = new OutboxServer({
    logger,
    deadLetters: { store: async (letter, key) => void letters.push({ letter, key }) },
    validate: (_subject, envelope) => (envelope.attributes['bad'] ? 'attribute bad is refused' : undefined),
  });
  let close: () => Promise<void>;

  beforeAll(async () => {
    const app = await NestFactory.create({ module: class {}, controllers: [OutboxTestController] }, { logger: false });
    app.connectMicroservice({ strategy: server }, { inheritAppConfig: true });
    await app.init();
    expect(server.ready).toBe(false); // nothing is delivered before the handlers are registered
    await app.startAllMicroservices();
    close = () => app.close();
  });
  afterAll(() => close?.());
  beforeEach(() => {
    calls.length = 0;
    letters.length = 0;
  });

  const publish = (envelope: EventEnvelope, attempts = 0, subject = envelope.type) =>
    server.publish(subject, encodeEnvelope(envelope), envelope.id, attempts, () => kept.push(envelope.id));

  it('hands a committed event to its handler with a context like the JetStream one', async () => {
    const event = testEnvelope('org.test.thing.happened', { n: 1 });
    await expect(publish(event, 2)).resolves.toEqual({ duplicate: false });
    expect(calls).toHaveLength(1);
    expect(calls[0].envelope).toEqual(event);
    expect(calls[0].ctx).toMatchObject({ subject: event.type, msgId: event.id, deliveryCount: 3 });
    expect(kept).toEqual([event.id]); // ctx.working() keeps the outbox row leased
  });

  it('settles an event no handler wants', async () => {
    await expect(publish(testEnvelope('org.other.thing.happened'))).resolves.toEqual({ duplicate: false });
    expect(calls).toHaveLength(0);
    expect(server.stats().unmatched).toBeGreaterThanOrEqual(1);
  });

  it('throws a transient failure back to the relay until the last delivery, then dead-letters it', async () => {
    const event = testEnvelope('org.test.flaky.thing');
    await expect(publish(event, 0)).rejects.toThrow('database unavailable');
    await expect(publish(event, 3)).rejects.toThrow('database unavailable');
    expect(letters).toHaveLength(0);
    await expect(publish(event, 4)).resolves.toEqual({ duplicate: false });
    expect(letters).toHaveLength(1);
    expect(letters[0].key).toBe(`outbox:${event.id}`);
    expect(letters[0].letter).toMatchObject({ original_subject: event.type, delivery_count: 5 });
    expect(letters[0].letter.reason).toMatch(/handler failed on all 5 deliveries; last error: .*database unavailable/);
  });

  it('dead-letters what it cannot interpret, with the reason and the original bytes', async () => {
    await server.publish('org.test.thing.happened', Buffer.from('not json'), 'm-1');
    const mismatched = testEnvelope('org.test.thing.happened');
    await publish(mismatched, 0, 'org.test.other.happened');
    await publish(testEnvelope('org.test.thing.happened', { bad: true }));
    await publish(testEnvelope('org.test.poison.happened'));
    expect(letters.map((l) => l.letter.reason)).toEqual([
      expect.stringMatching(/JSON/i),
      `envelope type org.test.thing.happened does not match subject org.test.other.happened`,
      'attribute bad is refused',
      expect.stringMatching(/^poison message: .*repo_slug missing/),
    ]);
    expect(Buffer.from(letters[0].letter.payload_base64, 'base64').toString()).toBe('not json');
    expect(calls).toHaveLength(0);
  });

  it('retries an event whose dead letter could not be stored', async () => {
    const failing = new OutboxServer({
      logger,
      deadLetters: { store: () => Promise.reject(new Error('table gone')) },
    });
    failing.listen(() => undefined);
    await expect(failing.publish('org.x.y.z', Buffer.from('{'), 'm-2')).rejects.toThrow('table gone');
    await failing.close();
  });

  it('refuses deliveries once closing, so the relay keeps the rows', async () => {
    const closing = new OutboxServer({ logger, deadLetters: { store: async () => undefined } });
    closing.listen(() => undefined);
    expect(closing.ready).toBe(true);
    await closing.close();
    expect(closing.ready).toBe(false);
    await expect(closing.publish('org.x.y.z', Buffer.from('{}'), 'm-3')).rejects.toThrow('not consuming');
  });
});
