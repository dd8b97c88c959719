// The engine's features for a host that brings the configuration, the logger and
// the database (apps/state-hub, the one-process deployment): its routes under
// /engine/, and events from JetStream or, without NATS, from the hub's outbox.
import { type DynamicModule, Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { HEALTH_PARTS } from '@state-hub/nest-http';
import { DEFINITION_ENV } from '../config/definition-env';
import { CronModule } from '../cron/cron.module';
import { DeadLettersModule } from '../dead-letters/dead-letters.module';
import { DefinitionsModule } from '../definitions/definitions.module';
import { EventsModule } from '../events/events.module';
import { EngineHealth } from '../health/engine-health.service';
import { HealthModule } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { NatsModule } from '../nats/nats.module';
import { OutboxDeliveryModule } from '../nats/outbox-delivery.module';
import type { EventDelivery } from '../nats/transport-registry';
import { RunReplayModule } from '../replay/run-replay.module';
import { RunsModule } from '../runs/runs.module';

/** Every feature module of the engine but its database and event transport. */
export const ENGINE_FEATURES = [
  MetricsModule,
  DefinitionsModule,
  RunsModule,
  RunReplayModule,
  DeadLettersModule,
  EventsModule,
  CronModule,
  HealthModule,
];

export interface EngineModuleOptions {
  delivery: EventDelivery;
  /** What `${VAR}` in definition files is read from. */
  definitionEnv: Record<string, string | undefined>;
}

@Module({})
export class EngineModule {
  static forRoot(options: EngineModuleOptions): DynamicModule {
    return {
      module: EngineModule,
      global: true,
      imports: [
        options.delivery === 'outbox' ? OutboxDeliveryModule : NatsModule,
        ...ENGINE_FEATURES,
        RouterModule.register([
          {
            path: 'engine',
            module: EngineModule,
            children: [DefinitionsModule, RunsModule, RunReplayModule, DeadLettersModule, HealthModule, MetricsModule],
          },
        ]),
      ],
      providers: [
        { provide: DEFINITION_ENV, useValue: options.definitionEnv },
        // The hub's /state/health reports the engine too.
        { provide: HEALTH_PARTS, inject: [EngineHealth], useFactory: (engine: EngineHealth) => [engine] },
      ],
      exports: [DEFINITION_ENV, HEALTH_PARTS],
    };
  }
}
