// Prometheus metrics of this process, on a registry of its own.
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly outboxPending = new Gauge({
    name: 'statehub_outbox_pending',
    help: 'Events committed to the outbox and not yet published to JetStream',
    registers: [this.registry],
  });

  readonly published = new Counter({
    name: 'statehub_outbox_published_total',
    help: 'Outbox events published to JetStream (acknowledged), by subject',
    labelNames: ['subject', 'duplicate'] as const,
    registers: [this.registry],
  });

  readonly publishFailures = new Counter({
    name: 'statehub_outbox_publish_failures_total',
    help: 'Failed publish attempts of outbox events (each is retried with backoff)',
    labelNames: ['subject'] as const,
    registers: [this.registry],
  });

  readonly relayLatency = new Histogram({
    name: 'statehub_outbox_relay_latency_seconds',
    help: 'Time from the commit of an event to its JetStream ack',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'statehub_' });
  }
}
