import { assignRequestId, bearerTokenAuth, HttpErrorFilter, pinoHttpFor } from '@state-hub/nest-http';
import type { IncomingMessage } from 'node:http';
import { hostname } from 'node:os';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { validatedConfigModule } from '@state-hub/config';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { JsonContentTypeGuard } from '../common/validation/json-content-type.guard';
import { type AppConfig, validateConfig } from '../config/app-config';
import { ConsistencyModule } from '../consistency/consistency.module';
import { DatabaseModule } from '../database/database.module';
import { DecisionsModule } from '../decisions/decisions.module';
import { DomainGoalsModule } from '../domain-goals/domain-goals.module';
import { DomainsModule } from '../domains/domains.module';
import { EngineForwardModule } from '../engine-forward/engine-forward.module';
import { HealthModule } from '../health/health.module';
import { MaintenanceModule } from '../maintenance/maintenance.module';
import { OutboxModule } from '../outbox/outbox.module';
import { NextStepsModule } from '../next-steps/next-steps.module';
import { ProgressEventsModule } from '../progress-events/progress-events.module';
import { ReposModule } from '../repos/repos.module';
import { TasksModule } from '../tasks/tasks.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { WorkstreamsModule } from '../workstreams/workstreams.module';

/** Whether a level writes pino-http's request lines (they are written at info). */
const writesRequestLines = (level: string) => ['trace', 'debug', 'info'].includes(level);

/**
 * The request logger of a process that serves the hub, named `service` in every line. At a level that writes no
 * request lines (warn and quieter) pino-http is not mounted at all: it would serialise every request into a child
 * logger that nothing reads (about 9 % of a read's CPU). Error lines still name the request: HttpErrorFilter logs
 * its id, method and URL.
 */
export function hubLoggerModule(service: string, quietPaths: string[] = ['/state/health']) {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService<AppConfig, true>) => {
      const level = config.get('LOG_LEVEL', { infer: true });
      return {
        pinoHttp: pinoHttpFor(config.get('LOG_FORMAT', { infer: true }), {
          level,
          genReqId: assignRequestId,
          // in every line through the root logger's bindings, not a second child logger per request
          base: { pid: process.pid, hostname: hostname(), service },
          autoLogging: { ignore: (req: IncomingMessage) => quietPaths.includes(req.url ?? '') },
        }),
        ...(!writesRequestLines(level) && { forRoutes: [] }),
      };
    },
  });
}

const FEATURE_IMPORTS = [
  DatabaseModule,
  OutboxModule,
  HealthModule,
  DomainsModule,
  ReposModule,
  WorkstreamsModule,
  TasksModule,
  DecisionsModule,
  DomainGoalsModule,
  ProgressEventsModule,
  NextStepsModule,
  ConsistencyModule,
  MaintenanceModule,
  WebhooksModule,
];

/**
 * The hub's features, auth and error mapping, without configuration or logger: what a host that
 * brings those composes (apps/state-hub, with the engine). Its DatabaseModule is the host's database.
 */
@Module({
  imports: FEATURE_IMPORTS,
  providers: [
    // Guards every HTTP route of the process: in the one-process deployment the engine's /engine/ routes too.
    ...bearerTokenAuth('STATE_HUB_API_TOKEN'),
    { provide: APP_GUARD, useClass: JsonContentTypeGuard },
    { provide: APP_FILTER, useClass: HttpErrorFilter },
  ],
})
export class HubModule {}

/** Values that win over the environment (tests use this; main passes none). */
export type ConfigOverrides = Partial<Record<keyof AppConfig, string | undefined>>;

@Module({})
export class AppModule {
  /**
   * Validates the configuration before anything starts (a bad setting rejects with a ConfigError,
   * which main prints as one line per problem), then returns the module.
   */
  static async forRoot(overrides: ConfigOverrides = {}): Promise<DynamicModule> {
    return {
      module: AppModule,
      imports: [
        await validatedConfigModule(validateConfig, overrides),
        hubLoggerModule('state-hub-api'),
        HubModule,
        // Alone, the hub forwards /engine/* to ENGINE_URL; the one process (HubModule + EngineModule) serves its own.
        EngineForwardModule,
      ],
    };
  }
}
