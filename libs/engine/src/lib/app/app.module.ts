import { assignRequestId, bearerTokenAuth, HttpErrorFilter, pinoHttpFor } from '@state-hub/nest-http';
import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { validatedConfigModule } from '@state-hub/config';
import { APP_FILTER } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import {
  type AppConfig,
  type ConfigOverrides,
  definitionEnvironment,
  validateStandaloneConfig,
} from '../config/app-config';
import { DEFINITION_ENV } from '../config/definition-env';
import { DatabaseModule } from '../database/database.module';
import { NatsModule } from '../nats/nats.module';
import { ENGINE_FEATURES } from './engine.module';

const FEATURE_IMPORTS = [
  LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService<AppConfig, true>) => ({
      pinoHttp: pinoHttpFor(config.get('LOG_FORMAT', { infer: true }), {
        level: config.get('LOG_LEVEL', { infer: true }),
        genReqId: assignRequestId,
        customProps: () => ({ service: 'event-consumer', replica: config.get('REPLICA_ID', { infer: true }) }),
        autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      }),
    }),
  }),
  NatsModule,
  ...ENGINE_FEATURES,
];

@Module({})
export class AppModule {
  /**
   * Validates the configuration before anything starts (a bad setting rejects with a ConfigError,
   * which main prints as one line per problem), then returns the module.
   */
  static async forRoot(overrides: ConfigOverrides = {}): Promise<DynamicModule> {
    return {
      module: AppModule,
      global: true,
      imports: [
        await validatedConfigModule(validateStandaloneConfig, overrides),
        DatabaseModule.forRoot(),
        ...FEATURE_IMPORTS,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        ...bearerTokenAuth('ENGINE_API_TOKEN'),
        { provide: DEFINITION_ENV, useValue: definitionEnvironment(overrides) },
      ],
      exports: [DEFINITION_ENV],
    };
  }
}
