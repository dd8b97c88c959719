// Kill -9 the nats-server under a running consumer and start it again on the
// same store: the client reconnects and consumption resumes on its own.
import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@state-hub/envelope';
import { eventually, type NatsServer, startNatsServer } from '@state-hub/testing';
import { startTransportApp, type TransportTestApp } from '../testing/transport-test-app';
import { sleep, testEnvelope, TestNatsClient } from '../testing/test-nats-client';

const handled: string[] = [];

@Controller()
class RestartController {
  @EventPattern<string>('org.test.restart.happened')
  onEvent(@Payload() envelope: EventEnvelope): void {
    handled.push(envelope.id);
  }
}

describe('JetStreamServer across a nats-server restart (own nats-server)', () => {
  let nats: NatsServer;
  let t: TransportTestApp;

  beforeAll(async () => {
    nats = await startNatsServer();
    t = await startTransportApp([RestartController], {
      servers: nats.url,
      stream: 'ACTIVITY_EVENTS',
      durable: 'restart',
    });
  });
  afterAll(async () => {
    await t?.close();
    await nats?.destroy();
  });

  /** Publishes with a fresh client, retrying while JetStream comes back. */
  const publish = (envelope: EventEnvelope) =>
    eventually(
      async () => {
        const client = await TestNatsClient.connect(nats.url);
        try {
          await client.publishEvent(envelope);
        } finally {
          await client.close();
        }
      },
      { timeoutMs: 15_000, intervalMs: 250 },
    );

  it('resumes consuming after the server is killed and restarted', async () => {
    const before = testEnvelope('org.test.restart.happened', { phase: 'before' });
    await publish(before);
    await eventually(() => expect(handled).toContain(before.id));

    await nats.stop('SIGKILL');
    await eventually(() => expect(t.logger.lines.some((l) => l.includes('NATS connection to'))).toBe(true));
    await sleep(500);
    await nats.start();

    const after = testEnvelope('org.test.restart.happened', { phase: 'after' });
    const started = Date.now();
    await publish(after);
    await eventually(() => expect(handled).toContain(after.id), { timeoutMs: 30_000, intervalMs: 100 });
    const resumedMs = Date.now() - started;

    expect(t.logger.lines.some((l) => l.includes('NATS connection restored'))).toBe(true);
    expect(t.server.stats().inFlight).toBe(0);
    // Resumed by the client's own reconnect, not by a missed-heartbeat timeout (30 s).
    expect(resumedMs).toBeLessThan(15_000);
  });
});
