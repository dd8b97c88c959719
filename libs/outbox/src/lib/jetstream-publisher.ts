// Publishes encoded envelopes to JetStream with Nats-Msg-Id = envelope id.
// Connects in the background and keeps reconnecting: a NATS outage never
// blocks or fails the caller of the hub's API, the relay simply waits.
import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ensureStream, type StreamSettings } from './stream-settings';

export type NatsState = 'disabled' | 'connecting' | 'up' | 'down';

export interface PublisherLogger {
  log(message: string): void;
  warn(message: string): void;
}

export interface JetStreamPublisherOptions {
  servers: string;
  stream: StreamSettings;
  publishTimeoutMs: number;
  logger: PublisherLogger;
  /** Connection name shown by the server (`nats server report connections`). */
  name?: string;
}

export class JetStreamPublisher {
  private nc?: NatsConnection;
  private js?: JetStreamClient;
  private streamReady = false;
  private state: NatsState = 'connecting';
  private closed = false;
  private connecting?: Promise<void>;

  constructor(private readonly options: JetStreamPublisherOptions) {}

  get status(): NatsState {
    return this.state;
  }

  /** True when a publish can be attempted right now. */
  get ready(): boolean {
    return this.state === 'up' && this.streamReady && !!this.js;
  }

  /** Starts connecting (retrying forever in the background); resolves once the first attempt ends. */
  start(): Promise<void> {
    this.connecting ??= this.connectLoop();
    return Promise.race([this.connecting, new Promise<void>((r) => setTimeout(r, 2000).unref())]);
  }

  async publish(subject: string, data: Uint8Array, msgId: string): Promise<{ duplicate: boolean; seq: number }> {
    if (!this.js || !this.ready) throw new Error(`NATS is ${this.state}`);
    const ack = await this.js.publish(subject, data, { msgID: msgId, timeout: this.options.publishTimeoutMs });
    return { duplicate: ack.duplicate, seq: ack.seq };
  }

  async close(): Promise<void> {
    this.closed = true;
    const nc = this.nc;
    this.nc = undefined;
    this.js = undefined;
    if (nc && !nc.isClosed()) await nc.drain().catch(() => nc.close());
    await this.connecting;
  }

  private async connectLoop(): Promise<void> {
    let delay = 250;
    while (!this.closed && !this.nc) {
      try {
        const nc = await connect({
          servers: this.options.servers,
          name: this.options.name ?? 'state-hub-relay',
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          timeout: 3000,
        });
        if (this.closed) {
          await nc.close();
          return;
        }
        this.nc = nc;
        this.js = jetstream(nc, { timeout: this.options.publishTimeoutMs });
        this.state = 'up';
        this.options.logger.log(`connected to NATS at ${nc.getServer()}`);
        void this.watch(nc);
        await this.prepareStream();
      } catch (err) {
        this.state = 'down';
        this.options.logger.warn(`NATS at ${this.options.servers} unreachable (${(err as Error).message}); retrying`);
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }

  /** Creates the stream if missing (leaving an existing one's settings alone); retried on each reconnect until done. */
  private async prepareStream(): Promise<void> {
    if (this.streamReady || !this.nc) return;
    try {
      const created = await ensureStream(await jetstreamManager(this.nc), this.options.stream);
      this.streamReady = true;
      this.options.logger.log(`stream ${this.options.stream.name} ${created ? 'created' : 'found'}`);
    } catch (err) {
      this.options.logger.warn(`cannot prepare stream ${this.options.stream.name}: ${(err as Error).message}`);
    }
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        this.state = 'down';
        this.options.logger.warn('NATS connection lost; reconnecting');
      } else if (s.type === 'reconnect') {
        this.state = 'up';
        this.options.logger.log('NATS connection restored');
        await this.prepareStream();
      }
    }
    if (!this.closed) this.state = 'down';
  }
}
