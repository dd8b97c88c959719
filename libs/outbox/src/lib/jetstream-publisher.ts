// Publishes encoded envelopes to JetStream with Nats-Msg-Id = envelope id.
// Connects in the background and keeps reconnecting: a NATS outage never
// blocks or fails the caller of the hub's API, the relay simply waits.
import { type JetStreamClient, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { ensureStream, type StreamSettings } from './stream-settings';

const STREAM_RETRY_MS = 3000;

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
  /** Wakes a backoff sleep early (on close), so shutdown never waits out a retry delay. */
  private cancelSleep?: () => void;
  private streamRetry?: NodeJS.Timeout;

  constructor(private readonly options: JetStreamPublisherOptions) {}

  get status(): NatsState {
    return this.state;
  }

  /** Servers without credentials, for log lines. */
  private get where(): string {
    return this.options.servers.replace(/\/\/[^@/]*@/g, '//');
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
    this.cancelSleep?.();
    if (this.streamRetry) clearTimeout(this.streamRetry);
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
          // NATS_URL may list every member of a cluster, comma separated: the client fails over between them.
          servers: this.options.servers.split(',').map((server) => server.trim()),
          name: this.options.name ?? 'state-hub-relay',
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          timeout: 3000,
          // Every publish is a request; an async trace would build two Error objects (with stacks) for each one:
          // about a tenth of the relay's CPU. A failed publish still says why (timeout, no responders …).
          noAsyncTraces: true,
        });
        if (this.closed) {
          await nc.close();
          return;
        }
        this.nc = nc;
        this.js = jetstream(nc, { timeout: this.options.publishTimeoutMs });
        this.state = 'connecting'; // 'up' once the stream is ready
        this.options.logger.log(`connected to NATS at ${nc.getServer()}`);
        void this.watch(nc);
        await this.prepareStream();
      } catch (err) {
        this.state = 'down';
        this.options.logger.warn(`NATS at ${this.where} unreachable (${(err as Error).message}); retrying`);
        await this.sleep(delay);
        delay = Math.min(delay * 2, 10_000);
      }
    }
  }

  /**
   * Creates the stream if missing (leaving an existing one's settings alone). Until that
   * succeeds the publisher is not ready (health says `connecting`), and it retries every few
   * seconds: JetStream may still be electing a leader, or another stream may hold `org.>`.
   */
  private async prepareStream(): Promise<void> {
    if (this.streamReady || !this.nc || this.closed) return;
    try {
      const created = await ensureStream(await jetstreamManager(this.nc), this.options.stream);
      this.streamReady = true;
      if (this.nc && !this.nc.isClosed()) this.state = 'up';
      this.options.logger.log(`stream ${this.options.stream.name} ${created ? 'created' : 'found'}`);
    } catch (err) {
      this.state = 'connecting';
      this.options.logger.warn(
        `cannot prepare stream ${this.options.stream.name}: ${(err as Error).message}; retrying`,
      );
      if (!this.streamRetry && !this.closed) {
        this.streamRetry = setTimeout(() => {
          this.streamRetry = undefined;
          void this.prepareStream();
        }, STREAM_RETRY_MS);
        this.streamRetry.unref();
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.cancelSleep = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private async watch(nc: NatsConnection): Promise<void> {
    for await (const s of nc.status()) {
      if (s.type === 'disconnect') {
        this.state = 'down';
        this.options.logger.warn('NATS connection lost; reconnecting');
      } else if (s.type === 'reconnect') {
        this.state = this.streamReady ? 'up' : 'connecting';
        this.options.logger.log('NATS connection restored');
        await this.prepareStream();
      }
    }
    if (!this.closed) this.state = 'down';
  }
}
