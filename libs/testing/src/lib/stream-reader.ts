// Reads everything a JetStream stream holds, for tests that count and inspect events.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';

export interface StoredEvent {
  subject: string;
  msgId: string | undefined;
  envelope: Record<string, unknown>;
}

export async function readStream(url: string, stream = 'ACTIVITY_EVENTS'): Promise<StoredEvent[]> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    const total = (await jsm.streams.info(stream)).state.messages;
    const events: StoredEvent[] = [];
    if (total === 0) return events;
    const consumer = await jetstream(nc).consumers.get(stream); // ordered, ephemeral
    const messages = await consumer.fetch({ max_messages: total, expires: 5000 });
    for await (const m of messages) {
      events.push({ subject: m.subject, msgId: m.headers?.get('Nats-Msg-Id'), envelope: m.json() });
      if (events.length === total) break;
    }
    return events;
  } finally {
    await nc.close();
  }
}
