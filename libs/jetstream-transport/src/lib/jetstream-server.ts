// Nest custom transport over a JetStream durable pull consumer: @EventPattern
// handlers (exact subjects or NATS wildcards) receive decoded envelopes, and the
// transport settles each delivery after the handler's promise or stream ends.
import { EventEmitter } from 'node:events';
import { jetstream, type JetStreamClient, type JetStreamManager, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { Logger } from '@nestjs/common';
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { monitorConnection } from './connection-monitor';
import { ConsumeLoop } from './consume-loop';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { EnvelopeServer } from './envelope-server';
import { InFlightLimiter } from './in-flight-limiter';
import type { JetStreamEvents, JetStreamStatus } from './jetstream-events';
import {
  type JetStreamTransportOptions,
  type ResolvedTransportOptions,
  resolveTransportOptions,
} from './jetstream-transport-options';
import { MaxDeliveriesWatcher } from './max-deliveries-watcher';
import { MessageProcessor } from './message-processor';
import { prepareTopology } from './transport-topology';
import { createCounters, type JetStreamTransportStats } from './transport-stats';

const API_TIMEOUT_MS = 5000;

interface Running {
  nc: NatsConnection;
  loop: ConsumeLoop;
  watcher: MaxDeliveriesWatcher;
}

export class JetStreamServer
  extends EnvelopeServer<JetStreamEvents, JetStreamStatus>
  implements CustomTransportStrategy
{
  private readonly options: ResolvedTransportOptions;
  private readonly counters = createCounters();
  private readonly emitter = new EventEmitter();
  private readonly limiter: InFlightLimiter;
  private maxDeliver: number;
  private running?: Running;
  private starting?: Promise<void>;
  private closing?: Promise<void>;

  constructor(options: JetStreamTransportOptions) {
    super();
    this.options = resolveTransportOptions(options, new Logger(JetStreamServer.name));
    this.limiter = new InFlightLimiter(this.options.maxInFlight);
    this.maxDeliver = this.options.maxDeliver;
  }

  listen(callback: (error?: unknown) => void): void {
    this.starting = this.start();
    this.starting.then(() => callback(), callback);
  }

  /** Stops pulling, waits (bounded) for running handlers to settle their messages, then drains. Idempotent. */
  close(): Promise<void> {
    this.closing ??= this.shutdown();
    return this.closing;
  }

  on<K extends keyof JetStreamEvents = keyof JetStreamEvents, C extends JetStreamEvents[K] = JetStreamEvents[K]>(
    event: K,
    callback: C,
  ): void {
    this.emitter.on(event, callback);
  }

  /** The NATS connection. */
  unwrap<T = NatsConnection>(): T {
    if (!this.running) throw new Error('JetStreamServer is not listening; call startAllMicroservices() first');
    return this.running.nc as T;
  }

  /** The streams it consumes and dead-letters to (their names as configured). */
  get streams(): { stream: string; deadLetterStream: string } {
    return { stream: this.options.stream, deadLetterStream: this.options.deadLetterStream };
  }

  stats(): JetStreamTransportStats {
    return { ...this.counters, inFlight: this.limiter.inFlight };
  }

  private async start(): Promise<void> {
    if (this.running || this.closing) throw new Error('JetStreamServer: listen() called twice or after close()');
    const log = this.options.logger;
    const nc = await connect({
      servers: this.options.servers.split(',').map((s) => s.trim()),
      name: `jetstream-transport ${this.options.durable}`,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 1000,
      // Every ackAck is a request; an async trace would capture a stack for each one (a few % of the CPU).
      noAsyncTraces: true,
    });
    try {
      void monitorConnection(nc, {
        logger: log,
        status: (status) => this._status$.next(status),
        disconnected: (server) => this.emitter.emit('disconnect', server),
        reconnected: (server) => this.emitter.emit('reconnect', server),
      });
      const jsm = await jetstreamManager(nc, { timeout: API_TIMEOUT_MS });
      const js = jetstream(nc, { timeout: API_TIMEOUT_MS });
      await this.prepare(jsm, true);
      const deadLetters = new DeadLetterPublisher(js, {
        sourceStream: this.options.stream,
        timeoutMs: API_TIMEOUT_MS,
        maxPayloadBytes: nc.info?.max_payload,
        onStored: (letter) => {
          this.counters.deadLettered++;
          this.emitter.emit('dead_letter', letter);
        },
      });
      const { stream, durable, filterSubject } = this.options;
      const watcher = new MaxDeliveriesWatcher({ nc, jsm, stream, durable, deadLetters, logger: log });
      watcher.start();
      const loop = this.createLoop(nc, js, jsm, deadLetters);
      this.running = { nc, loop, watcher };
      await loop.start();
      this._status$.next('connected');
      log.log(`consuming ${stream}/${durable} (${filterSubject}) on ${nc.getServer()}`);
    } catch (error) {
      this.running = undefined;
      await nc.close().catch((err: unknown) => log.warn(`closing NATS after a failed start: ${String(err)}`));
      throw error;
    }
  }

  private createLoop(nc: NatsConnection, js: JetStreamClient, jsm: JetStreamManager, deadLetters: DeadLetterPublisher) {
    const processor = new MessageProcessor({
      options: this.options,
      deadLetters,
      counters: this.counters,
      dispatch: (subject, envelope, ctx) => this.dispatch(subject, envelope, ctx),
      maxDeliver: () => this.maxDeliver,
    });
    return new ConsumeLoop({
      nc,
      js,
      stream: this.options.stream,
      durable: this.options.durable,
      limiter: this.limiter,
      batch: this.options.maxInFlight,
      logger: this.options.logger,
      prepare: () => this.prepare(jsm, false),
      process: (msg) => processor.process(msg),
      onProcessCrash: (msg, error) => processor.retryAfterCrash(msg, error),
    });
  }

  private async prepare(jsm: JetStreamManager, first: boolean): Promise<void> {
    this.maxDeliver = await prepareTopology(jsm, this.options, first);
  }

  private async shutdown(): Promise<void> {
    await this.starting?.catch(() => undefined); // a close() during start tears down what start built
    const running = this.running;
    if (!running) return;
    const log = this.options.logger;
    const timeoutMs = this.options.closeTimeoutMs;
    await running.loop.stop(timeoutMs);
    if (!(await this.limiter.whenIdle(timeoutMs))) {
      log.warn(`${this.limiter.inFlight} handler(s) still running after ${timeoutMs} ms; redelivered after ack wait`);
    }
    await running.watcher.stop(timeoutMs);
    // Drain flushes the acks just sent before the connection goes.
    await running.nc.drain().catch(async (err: unknown) => {
      log.warn(`draining NATS: ${String(err)}; closing`);
      await running.nc.close();
    });
    this._status$.next('closed');
    this.emitter.removeAllListeners();
    log.log(`stopped consuming ${this.options.stream}/${this.options.durable}`);
  }
}
