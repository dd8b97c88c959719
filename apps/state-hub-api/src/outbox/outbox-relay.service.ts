// Runs the outbox relay inside the API process when NATS_URL is set (and
// OUTBOX_RELAY is not off). Without NATS, events wait in the outbox.
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  ACTIVITY_EVENTS_STREAM,
  DEFAULT_RELAY_OPTIONS,
  JetStreamPublisher,
  listenForOutboxCommits,
  type NatsState,
  OutboxRelay,
  type OutboxListener,
  type OutboxDb,
  outboxDbFromDataSource,
  outboxDbFromUrl,
  OutboxStore,
} from '@state-hub/outbox';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { OutboxSignal } from '../database/outbox-signal';
import { MetricsService } from '../metrics/metrics.service';

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
  ) {
    const url = config.get('DATABASE_URL', { infer: true });
    this.db = url ? outboxDbFromUrl(url, this.logger) : outboxDbFromDataSource(dataSource);
    this.store = new OutboxStore(this.db);
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
    if (!url || this.config.get('OUTBOX_RELAY', { infer: true }) === 'off') {
      this.logger.log(
        url ? 'OUTBOX_RELAY=off: events wait in the outbox' : 'NATS_URL unset: events wait in the outbox',
      );
      return;
    }
    this.publisher = new JetStreamPublisher({
      servers: url,
      stream: { ...ACTIVITY_EVENTS_STREAM, name: this.config.get('NATS_STREAM', { infer: true }) },
      publishTimeoutMs: this.config.get('NATS_PUBLISH_TIMEOUT_MS', { infer: true }),
      logger: this.logger,
    });
    this.relay = new OutboxRelay(
      this.store,
      this.publisher,
      this.logger,
      {
        ...DEFAULT_RELAY_OPTIONS,
        batchSize: this.config.get('OUTBOX_BATCH_SIZE', { infer: true }),
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
    // One wake-up path: on a Postgres server, LISTEN hears every process's commits (this one's
    // too); the embedded database has only this process, so the in-process signal is enough.
    const databaseUrl = this.config.get('DATABASE_URL', { infer: true });
    if (databaseUrl) this.listener = listenForOutboxCommits(databaseUrl, () => this.relay?.wake(), this.logger);
    else this.unsubscribe = this.signal.onCommit(() => this.relay?.wake());
    // Connecting never blocks start-up for long: the relay waits for NATS in the background.
    await this.publisher.start();
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    this.unsubscribe?.();
    await this.relay?.stop();
    await this.listener?.close();
    await this.publisher?.close();
    await this.db.close();
  }
}
