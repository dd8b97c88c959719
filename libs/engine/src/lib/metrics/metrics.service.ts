// The engine's Prometheus metrics, on a registry of its own (not prom-client's
// global one, so two engines in one test process do not collide).
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import { TransportRegistry } from '../nats/transport-registry';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly eventsConsumed = new Counter({
    name: 'activity_events_consumed_total',
    help: 'Events handed to the engine by the JetStream consumer',
    registers: [this.registry],
  });

  readonly runsFinished = new Counter({
    name: 'activity_runs_total',
    help: 'Runs recorded by this replica, by final status',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly ruleSkips = new Counter({
    name: 'activity_rule_skips_total',
    help: 'Runs a rule declined',
    registers: [this.registry],
  });

  constructor(transport: TransportRegistry) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'activity_dead_letters_total',
      help: 'Messages this replica copied to the dead-letter stream',
      registers: [this.registry],
      collect() {
        this.set(transport.stats()?.deadLettered ?? 0);
      },
    });
    new Gauge({
      name: 'activity_consumer_lag',
      help: 'Events the durable consumer has not finished: not yet delivered (pending) or delivered and not acked (ack_pending)',
      labelNames: ['kind'] as const,
      registers: [this.registry],
      async collect() {
        const lag = await transport.lag();
        if (!lag) return;
        this.set({ kind: 'pending' }, lag.pending);
        this.set({ kind: 'ack_pending' }, lag.ackPending);
      },
    });
  }
}
