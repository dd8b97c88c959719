// Opens the read model: Postgres at DATABASE_URL, or the embedded PGlite data
// directory when it is unset. Migrations run here, before the app listens.
import { OutboxSignal } from '@state-hub/outbox';
import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { closeDataSource, type DatabaseConfig, describeDatabase, openDataSource } from '@state-hub/db';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { StateChangeRunner } from './state-change.runner';

function databaseConfig(config: ConfigService<AppConfig, true>): DatabaseConfig {
  return {
    url: config.get('DATABASE_URL', { infer: true }),
    dataDir: config.get('STATE_HUB_DATA_DIR', { infer: true }),
    poolSize: config.get('DB_POOL_SIZE', { infer: true }),
  };
}

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [ConfigService],
      // Nest retries the factory while the database is not reachable yet (e.g. starting alongside it).
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        ...databaseConfig(config),
        retryAttempts: 5,
        retryDelay: 2000,
      }),
      dataSourceFactory: async (options) => {
        const dbConfig = options as unknown as DatabaseConfig;
        new Logger('Database').log(`opening ${describeDatabase(dbConfig)}`);
        return openDataSource(dbConfig);
      },
    }),
  ],
  providers: [StateChangeRunner, OutboxSignal],
  exports: [StateChangeRunner, OutboxSignal],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(getDataSourceToken()) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    // Destroys the pool and, for the embedded database, closes PGlite.
    await closeDataSource(this.dataSource);
  }
}
