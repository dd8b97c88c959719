// The test's own NATS client: publishes events (valid or not) and reads what the
// server holds (consumer state, dead letters) the way an operator would.
import {
  type ConsumerInfo,
  jetstream,
  type JetStreamClient,
  jetstreamManager,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createEnvelope, encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import type { DeadLetter } from '../lib/dead-letter';

export function testEnvelope(type: string, attributes: Record<string, unknown> = {}): EventEnvelope {
  return createEnvelope({ type, publisher: 'transport-test', attributes });
}

export class TestNatsClient {
  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  static async connect(url: string): Promise<TestNatsClient> {
    const nc = await connect({ servers: url, maxReconnectAttempts: -1, reconnectTimeWait: 250 });
    return new TestNatsClient(nc, jetstream(nc, { timeout: 2000 }), await jetstreamManager(nc, { timeout: 2000 }));
  }

  /** Publishes like the outbox relay: subject = type, Nats-Msg-Id = id. */
  async publishEvent(envelope: EventEnvelope): Promise<number> {
    const ack = await this.js.publish(envelope.type, encodeEnvelope(envelope), { msgID: envelope.id });
    return ack.seq;
  }

  async publishRaw(subject: string, data: Uint8Array | string): Promise<number> {
    return (await this.js.publish(subject, data)).seq;
  }

  consumerInfo(stream: string, durable: string): Promise<ConsumerInfo> {
    return this.jsm.consumers.info(stream, durable);
  }

  /** Every dead letter in the stream, oldest first (none when the stream is empty). */
  async deadLetters(stream = 'ACTIVITY_DEADLETTER'): Promise<Array<DeadLetter & { subject: string; msgId?: string }>> {
    const { state } = await this.jsm.streams.info(stream);
    const letters: Array<DeadLetter & { subject: string; msgId?: string }> = [];
    for (let seq = state.first_seq; state.messages > 0 && seq <= state.last_seq; seq++) {
      const stored = await this.jsm.streams.getMessage(stream, { seq });
      if (!stored) continue;
      const msgId = stored.header?.get('Nats-Msg-Id');
      letters.push({ ...stored.json<DeadLetter>(), subject: stored.subject, ...(msgId ? { msgId } : {}) });
    }
    return letters;
  }

  async close(): Promise<void> {
    await this.nc.close();
  }
}

export function decodePayload(letter: DeadLetter): string {
  return Buffer.from(letter.payload_base64, 'base64').toString('utf8');
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
