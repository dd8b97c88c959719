// Reads everything a JetStream stream holds, for tests that count and inspect events.
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { eventually } from './eventually';

export interface StoredEvent {
  subject: string;
  msgId: string | undefined;
  envelope: Record<string, unknown>;
}

export async function readStream(url: string, stream = 'ACTIVITY_EVENTS'): Promise<StoredEvent[]> {
  const nc = await connect({ servers: url.split(',') });
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

/**
 * The stream's messages (only those on `subject`, when given) once it holds at least `count` of them,
 * polling until `timeoutMs`. Tests then assert the exact count, so a duplicate fails with the figures in hand.
 */
export async function readStreamOnceItHolds(
  url: string,
  count: number,
  {
    stream = 'ACTIVITY_EVENTS',
    subject,
    timeoutMs = 30_000,
  }: { stream?: string; subject?: string; timeoutMs?: number } = {},
): Promise<StoredEvent[]> {
  return eventually(
    async () => {
      const events = (await readStream(url, stream)).filter((e) => subject === undefined || e.subject === subject);
      if (events.length < count) throw new Error(`${stream} holds ${events.length} of ${count} expected messages`);
      return events;
    },
    { timeoutMs, intervalMs: 250 },
  );
}
