// Every event on the stream: run each active definition whose event trigger
// matches. Resolving (after every run is recorded) is what lets the transport ack.
import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { matchesEvent } from '@state-hub/activity-definitions';
import type { EventEnvelope } from '@state-hub/envelope';
import { type JetStreamContext, TransientError } from '@state-hub/jetstream-transport';
import { DefinitionsService } from '../definitions/definitions.service';
import { MetricsService } from '../metrics/metrics.service';
import { RunExecutor } from '../runs/run-executor.service';
import { eventWarnings } from './catalog-event-check';

/** A third of JetStream's default 30 s ack wait. */
const HEARTBEAT_MS = 10_000;

@Controller()
export class EventsController {
  private readonly logger = new Logger('Events');

  constructor(
    private readonly definitions: DefinitionsService,
    private readonly executor: RunExecutor,
    private readonly metrics: MetricsService,
  ) {}

  @EventPattern<string>('org.>')
  async onEvent(@Payload() event: EventEnvelope, @Ctx() ctx: JetStreamContext): Promise<void> {
    this.metrics.eventsConsumed.inc();
    await this.definitions.ready();
    const matching = this.definitions.active().filter((definition) => matchesEvent(definition, event));
    // A tolerant reader: an event that differs from the catalog still runs, and its runs say how it differs.
    const warnings = matching.length > 0 ? eventWarnings(event) : [];
    // Keep the delivery alive for the whole of its runs (claim, context, instruction, retries, recording, and any
    // wait for the database): a run longer than the ack wait must not be redelivered to another replica meanwhile.
    const beat = setInterval(() => ctx.working(), HEARTBEAT_MS);
    const results = await Promise.allSettled(
      matching.map((definition) => this.executor.run(definition, { kind: 'event', key: event.id, event, warnings })),
    ).finally(() => clearInterval(beat));
    const failed = results.flatMap((r, i) =>
      r.status === 'rejected' ? [`${matching[i].id}: ${String(r.reason)}`] : [],
    );
    if (failed.length > 0) {
      // A run that could not be recorded (database down): redeliver; runs already recorded are skipped then.
      this.logger.error(`event ${event.id} (${event.type}, delivery ${ctx.deliveryCount}): ${failed.join('; ')}`);
      throw new TransientError(`recording runs failed for ${failed.length} definition(s)`);
    }
  }
}
