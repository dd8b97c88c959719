// Pulls from the durable consumer with consume() and feeds the processor, at most
// maxInFlight at a time. consume() pulls again only as its queue is read, so
// waiting for a free slot before reading is the back-pressure. If the iterator
// ends (consumer deleted, terminal error) the loop prepares the consumer again
// and resumes, with a bounded pause between attempts.
import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { InFlightLimiter } from './in-flight-limiter';
import type { TransportLogger } from './jetstream-transport-options';
import { describe } from './message-processor';

export interface ConsumeLoopDeps {
  nc: NatsConnection;
  js: JetStreamClient;
  stream: string;
  durable: string;
  limiter: InFlightLimiter;
  batch: number;
  logger: TransportLogger;
  /** Ensures stream and consumer exist before a restart. */
  prepare(): Promise<void>;
  process(msg: JsMsg): Promise<void>;
  onProcessCrash(msg: JsMsg, error: unknown): void;
}

const MAX_RESTART_DELAY_MS = 10_000;
const HAND_BACK_DELAY_MS = 1;

export class ConsumeLoop {
  private stopping = false;
  private messages?: ConsumerMessages;
  private running?: Promise<void>;
  private wake?: () => void;

  constructor(private readonly deps: ConsumeLoopDeps) {}

  /** Starts consuming; rejects if the first consume() fails (so listen() can report it). */
  async start(): Promise<void> {
    const first = await this.open();
    this.running = this.run(first);
  }

  /** Stops pulling; messages already fetched but not started are handed back with a nak. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.deps.limiter.close();
    this.wake?.();
    const closing = this.messages?.close().catch((err: unknown) => {
      this.deps.logger.warn(`closing consume(): ${String(err)}`);
    });
    const ended = await Promise.race([
      Promise.all([closing, this.running]).then(() => true),
      new Promise<boolean>((r) => setTimeout(() => r(false), timeoutMs).unref()),
    ]);
    if (!ended) this.deps.logger.warn(`consume loop did not end within ${timeoutMs} ms`);
  }

  private async open(): Promise<ConsumerMessages> {
    const consumer = await this.deps.js.consumers.get(this.deps.stream, this.deps.durable);
    const messages = await consumer.consume({ max_messages: this.deps.batch });
    this.messages = messages;
    void this.watch(messages);
    return messages;
  }

  private async run(first: ConsumerMessages): Promise<void> {
    let messages: ConsumerMessages | undefined = first;
    let failures = 0;
    while (!this.stopping) {
      try {
        messages ??= await this.reopen();
        await this.pump(messages);
        failures = 0;
        if (!this.stopping) this.deps.logger.warn('consume() ended; preparing the consumer again');
      } catch (err) {
        failures++;
        this.deps.logger.error(`consuming ${this.deps.stream}/${this.deps.durable} failed: ${String(err)}`);
      }
      messages = undefined;
      if (this.stopping || this.deps.nc.isClosed()) break;
      await this.pause(Math.min(MAX_RESTART_DELAY_MS, 250 * 2 ** Math.min(failures, 6)));
    }
  }

  private async reopen(): Promise<ConsumerMessages> {
    await this.deps.prepare();
    return this.open();
  }

  private async pump(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      if (this.stopping || !(await this.deps.limiter.acquire())) {
        this.handBack(msg);
        continue;
      }
      this.deps
        .process(msg)
        .catch((error: unknown) => this.deps.onProcessCrash(msg, error))
        .finally(() => this.deps.limiter.release());
    }
  }

  /**
   * Not a failure: let another replica have it now rather than after the ack wait.
   * A delayed nak, not a bare one: on nats-server 2.9 a bare nak of a message
   * fetched behind others duplicated one and parked another until its ack wait,
   * while a delayed nak takes the ack-wait-expiry path and was handed over at once.
   */
  private handBack(msg: JsMsg): void {
    try {
      msg.nak(HAND_BACK_DELAY_MS);
    } catch (err) {
      this.deps.logger.warn(`could not hand back ${describe(msg)}: ${String(err)}; redelivered after ack wait`);
    }
  }

  /** Logs what consume() reports; a vanished consumer ends the iterator so run() recreates it. */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const note of messages.status()) {
      switch (note.type) {
        case 'heartbeats_missed':
          this.deps.logger.warn(`consumer ${this.deps.durable}: ${note.count} heartbeats missed`);
          break;
        case 'consumer_deleted':
        case 'consumer_not_found':
        case 'stream_not_found':
          this.deps.logger.warn(`consumer ${this.deps.durable}: ${note.type}; recreating`);
          void messages.close();
          break;
        case 'exceeded_limits':
        case 'no_responders':
          this.deps.logger.warn(`consumer ${this.deps.durable}: ${note.type} (${JSON.stringify(note)})`);
          break;
        default:
          break; // heartbeats, pulls, discards: routine
      }
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}
