// Dead-letters messages that ran out of deliveries without a handler settling
// the last one (ack waits expiring while a process was stuck or gone). The server
// only says so in an advisory, so the message is read back from the stream.
// Every replica gets the advisory; the dead letter's msg id makes it land once.
import type { JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import { buildDeadLetter } from './dead-letter';
import type { DeadLetterPublisher } from './dead-letter-publisher';
import type { TransportLogger } from './jetstream-transport-options';

export interface MaxDeliveriesWatcherDeps {
  nc: NatsConnection;
  jsm: JetStreamManager;
  stream: string;
  durable: string;
  deadLetters: DeadLetterPublisher;
  logger: TransportLogger;
  /** Pause between attempts when reading or publishing fails. */
  retryDelayMs?: number;
}

export const MAX_DELIVERIES_REASON = 'max deliveries exhausted';
const ATTEMPTS = 5;

export function maxDeliveriesAdvisorySubject(stream: string, durable: string): string {
  return `$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.${stream}.${durable}`;
}

export class MaxDeliveriesWatcher {
  private sub?: Subscription;
  private readonly running = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: MaxDeliveriesWatcherDeps) {}

  start(): void {
    const subject = maxDeliveriesAdvisorySubject(this.deps.stream, this.deps.durable);
    this.sub = this.deps.nc.subscribe(subject, {
      callback: (err, msg) => {
        if (err) {
          this.deps.logger.error(`max-deliveries advisory subscription failed: ${err.message}`);
          return;
        }
        const work = this.onAdvisory(msg.data);
        this.running.add(work);
        void work.finally(() => this.running.delete(work));
      },
    });
  }

  /** Stops listening and waits (bounded) for dead letters being written. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopped = true;
    this.sub?.unsubscribe();
    const all = Promise.allSettled([...this.running]);
    await Promise.race([all, new Promise((r) => setTimeout(r, timeoutMs).unref())]);
  }

  private async onAdvisory(data: Uint8Array): Promise<void> {
    const advisory = parseAdvisory(data);
    if (!advisory) {
      this.deps.logger.warn(
        `ignored a malformed max-deliveries advisory: ${new TextDecoder().decode(data).slice(0, 200)}`,
      );
      return;
    }
    const { seq, deliveries } = advisory;
    for (let attempt = 1; attempt <= ATTEMPTS && !this.stopped; attempt++) {
      try {
        await this.deadLetter(seq, deliveries);
        return;
      } catch (err) {
        this.deps.logger.warn(`dead-lettering seq ${seq} after max deliveries, attempt ${attempt}: ${String(err)}`);
        await new Promise((r) => setTimeout(r, this.deps.retryDelayMs ?? 1000));
      }
    }
    this.deps.logger.error(
      `could not dead-letter seq ${seq} of ${this.deps.stream} after max deliveries; it stays in the stream, unconsumed`,
    );
  }

  private async deadLetter(seq: number, deliveries: number): Promise<void> {
    const stored = await this.deps.jsm.streams.getMessage(this.deps.stream, { seq });
    const letter = stored
      ? buildDeadLetter({
          subject: stored.subject,
          reason: MAX_DELIVERIES_REASON,
          data: stored.data,
          headers: stored.header,
          streamSequence: seq,
          deliveryCount: deliveries,
        })
      : buildDeadLetter({
          subject: '',
          reason: `${MAX_DELIVERIES_REASON}; the message is no longer in stream ${this.deps.stream}`,
          data: new Uint8Array(),
          streamSequence: seq,
          deliveryCount: deliveries,
        });
    const { duplicate } = await this.deps.deadLetters.publish(letter);
    if (!duplicate) this.deps.logger.warn(`dead-lettered seq ${seq} ${letter.original_subject}: ${letter.reason}`);
  }
}

function parseAdvisory(data: Uint8Array): { seq: number; deliveries: number } | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(data)) as { stream_seq?: unknown; deliveries?: unknown };
    const seq = parsed.stream_seq;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) return undefined;
    return { seq, deliveries: typeof parsed.deliveries === 'number' ? parsed.deliveries : 0 };
  } catch {
    return undefined;
  }
}
