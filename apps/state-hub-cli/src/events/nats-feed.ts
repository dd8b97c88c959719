// Follows a subject on the JetStream stream with an ordered consumer: ephemeral,
// no acks, nothing left on the server after it stops. From now on, or from
// --since (the stream's own time index).
import { DeliverPolicy, JetStreamApiCodes, JetStreamApiError, jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { CommandFailure } from '../cli/cli-errors';
import type { EventFeed } from './event-feed';

const CONNECT_TIMEOUT_MS = 5000;

export interface NatsFeedOptions {
  natsUrl: string;
  stream: string;
  subject: string;
  since?: Date;
}

async function connectNats(url: string): Promise<NatsConnection> {
  try {
    return await connect({ servers: url.split(','), name: 'state-hub-cli events tail', timeout: CONNECT_TIMEOUT_MS });
  } catch (err) {
    throw new CommandFailure(`cannot reach NATS at ${url}: ${(err as Error).message} (set NATS_URL or --nats-url)`);
  }
}

export async function followStream(options: NatsFeedOptions): Promise<EventFeed> {
  const nc = await connectNats(options.natsUrl);
  try {
    const consumer = await jetstream(nc).consumers.get(options.stream, {
      filter_subjects: options.subject,
      ...(options.since
        ? { deliver_policy: DeliverPolicy.StartTime, opt_start_time: options.since.toISOString() }
        : { deliver_policy: DeliverPolicy.New }),
    });
    const messages = await consumer.consume();
    let closed = false;
    return {
      description: `${options.subject} on stream ${options.stream} at ${options.natsUrl}`,
      async *messages() {
        for await (const m of messages) yield { subject: m.subject, payload: m.string() };
      },
      async close() {
        if (closed) return;
        closed = true;
        await messages.close();
        await nc.close();
      },
    };
  } catch (err) {
    await nc.close();
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) {
      throw new CommandFailure(
        `no stream ${options.stream} at ${options.natsUrl} (the hub creates it on its first publish; NATS_STREAM or --stream names another)`,
      );
    }
    throw new CommandFailure(`cannot follow ${options.stream} at ${options.natsUrl}: ${(err as Error).message}`);
  }
}
