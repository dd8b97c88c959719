// Runs the outbox relay inside the API process: to JetStream when NATS_URL is
// set (and OUTBOX_RELAY is not off); without NATS, to the engine when it runs in
// this process (OUTBOX_DELIVERY is provided); otherwise events wait in the outbox.
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, Optional } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVITY_EVENTS_STREAM,
  DEFAULT_RELAY_OPTIONS,
  JetStreamPublisher,
  listenForOutboxCommits,
  type NatsState,
  type OutboxDb,
  outboxDbFromDataSource,
  outboxDbFromUrl,
  type OutboxListener,
  OUTBOX_DELIVERY,
  OutboxRelay,
  OutboxSignal,
  OutboxStore,
  type RelayPublisher,
} from '@state-hub/outbox';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from '../metrics/metrics.service';

/** Where committed events go: JetStream, the engine in this process, or nowhere yet. */
export type EventDeliveryMode = 'jetstream' | 'outbox' | 'none';

/** Rows handed to the in-process engine at once: what it runs concurrently, not the JetStream batch. */
const IN_PROCESS_BATCH = 32;

@Injectable()
export class OutboxRelayService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('OutboxRelay');
  readonly store: OutboxStore;
  private readonly db: OutboxDb;
  private publisher?: JetStreamPublisher;
  private relay?: OutboxRelay;
  private listener?: OutboxListener;
  private unsubscribe?: () => void;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    private readonly signal: OutboxSignal,
    private readonly metrics: MetricsService,
    @Optional() @Inject(OUTBOX_DELIVERY) private readonly delivery?: RelayPublisher,
  ) {
    const url = config.get('DATABASE_URL', { infer: true });
    this.db = url ? outboxDbFromUrl(url, this.logger) : outboxDbFromDataSource(dataSource);
    this.store = new OutboxStore(this.db);
  }

  get deliveryMode(): EventDeliveryMode {
    if (this.publisher) return 'jetstream';
    return this.relay ? 'outbox' : 'none';
  }

  /** `disabled` when NATS_URL is unset or the relay is off. */
  get natsState(): NatsState {
    return this.publisher?.status ?? 'disabled';
  }

  pendingCount(): Promise<number> {
    return this.store.pendingCount();
  }

  async onApplicationBootstrap(): Promise<void> {
    const url = this.config.get('NATS_URL', { infer: true });
    if (this.config.get('OUTBOX_RELAY', { infer: true }) === 'off') {
      this.logger.log('OUTBOX_RELAY=off: events wait in the outbox');
      return;
    }
    if (url) {
      this.publisher = new JetStreamPublisher({
        servers: url,
        stream: {
          ...ACTIVITY_EVENTS_STREAM,
          name: this.config.get('NATS_STREAM', { infer: true }),
          replicas: this.config.get('NATS_STREAM_REPLICAS', { infer: true }),
        },
        publishTimeoutMs: this.config.get('NATS_PUBLISH_TIMEOUT_MS', { infer: true }),
        logger: this.logger,
      });
      this.startRelay(this.publisher, this.config.get('OUTBOX_BATCH_SIZE', { infer: true }));
      // Connecting never blocks start-up for long: the relay waits for NATS in the background.
      await this.publisher.start();
    } else if (this.delivery) {
      // The embedded database belongs to this process alone: leases a killed process left are void.
      if (!this.config.get('DATABASE_URL', { infer: true })) {
        const released = await this.store.releaseLeases();
        if (released > 0) this.logger.log(`released ${released} outbox event(s) claimed before a restart`);
      }
      const batch = Math.min(IN_PROCESS_BATCH, this.config.get('OUTBOX_BATCH_SIZE', { infer: true }));
      this.startRelay(this.delivery, batch);
      this.logger.log('NATS_URL unset: events go from the outbox to the engine in this process');
    } else {
      this.logger.log('NATS_URL unset: events wait in the outbox');
      return;
    }
    this.relay?.start();
  }

  private startRelay(publisher: RelayPublisher, batchSize: number): void {
    this.relay = new OutboxRelay(
      this.store,
      publisher,
      this.logger,
      {
        ...DEFAULT_RELAY_OPTIONS,
        batchSize,
        pollIntervalMs: this.config.get('OUTBOX_POLL_MS', { infer: true }),
        retentionMs: this.config.get('OUTBOX_RETENTION_HOURS', { infer: true }) * 3600_000,
      },
      {
        published: (event, duplicate) => {
          this.metrics.published.inc({ subject: event.subject, duplicate: String(duplicate) });
          this.metrics.relayLatency.observe((Date.now() - new Date(event.created_at).getTime()) / 1000);
        },
        failed: (event) => this.metrics.publishFailures.inc({ subject: event.subject }),
      },
    );
    // This process's commits wake the relay in-process; while it publishes, they send no NOTIFY (see
    // OutboxSignal). On a Postgres server, LISTEN hears the other processes' commits too (a sweep from the CLI,
    // stale-cleanup, replicas whose relay is off or cut off from NATS); the embedded database has only this one.
    this.unsubscribe = this.signal.onCommit(() => this.relay?.wake(), { publishing: () => publisher.ready });
    const databaseUrl = this.config.get('DATABASE_URL', { infer: true });
    if (databaseUrl) this.listener = listenForOutboxCommits(databaseUrl, () => this.relay?.wake(), this.logger);
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.relay?.stop();
    await this.listener?.close();
    await this.publisher?.close();
    await this.db.close();
  }
}
