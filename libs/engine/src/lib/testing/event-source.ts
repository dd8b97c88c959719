// Publishes test events onto the stream the engine consumes, with an explicit
// Nats-Msg-Id so a test can send "the same event again" past the duplicate window.
import { type ConsumerInfo, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { createEnvelope, encodeEnvelope, type EventEnvelope } from '@state-hub/envelope';
import { type DeadLetter, deadLetterSubject } from '@state-hub/jetstream-transport';

export class EventSource {
  private constructor(private readonly nc: NatsConnection) {}

  static async connect(url: string): Promise<EventSource> {
    return new EventSource(await connect({ servers: url }));
  }

  envelope(type: string, attributes: Record<string, unknown>): EventEnvelope {
    return createEnvelope({ type, publisher: 'test', attributes });
  }

  async publish(envelope: EventEnvelope, msgId = envelope.id): Promise<void> {
    await jetstream(this.nc).publish(envelope.type, encodeEnvelope(envelope), { msgID: msgId });
  }

  /** Publishes bytes that are not an envelope, as a broken producer would. */
  async publishRaw(subject: string, payload: string): Promise<void> {
    await jetstream(this.nc).publish(subject, new TextEncoder().encode(payload));
  }

  /** Publishes exactly these bytes, without headers; resolves to the message's stream sequence. */
  async publishBytes(subject: string, data: Uint8Array): Promise<number> {
    return (await jetstream(this.nc).publish(subject, data)).seq;
  }

  /** The largest message the stream accepts: the server's max_payload, or the stream's own smaller limit. */
  async maxMessageBytes(stream: string): Promise<number> {
    const serverLimit = this.nc.info?.max_payload ?? 0;
    const streamLimit = (await (await jetstreamManager(this.nc)).streams.info(stream)).config.max_msg_size ?? -1;
    return streamLimit > 0 ? Math.min(serverLimit, streamLimit) : serverLimit;
  }

  /**
   * Writes a dead letter for `envelope` straight into the dead-letter stream, as the transport writes one
   * when the engine gave up on the event (e.g. its database was down on every delivery).
   */
  async publishDeadLetter(envelope: EventEnvelope, reason: string, deliveryCount = 5): Promise<number> {
    const letter: DeadLetter = {
      original_subject: envelope.type,
      reason,
      delivery_count: deliveryCount,
      payload_base64: Buffer.from(encodeEnvelope(envelope)).toString('base64'),
      dead_lettered_at: new Date().toISOString(),
    };
    return (await jetstream(this.nc).publish(deadLetterSubject(envelope.type), JSON.stringify(letter))).seq;
  }

  async pending(stream: string, durable: string): Promise<number> {
    const info = await (await jetstreamManager(this.nc)).consumers.info(stream, durable);
    return info.num_ack_pending + info.num_pending;
  }

  /** The durable consumer as the server holds it (delivered and ack floor sequences, pending counts). */
  async consumer(stream: string, durable: string): Promise<ConsumerInfo> {
    return (await jetstreamManager(this.nc)).consumers.info(stream, durable);
  }

  close(): Promise<void> {
    return this.nc.close();
  }
}
