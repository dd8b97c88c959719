// Opens the engine's database: Postgres at DATABASE_URL, or the embedded PGlite
// data directory when it is unset. Migrations run here, before the engine starts.
import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { closeDataSource, type DatabaseConfig, describeDatabase, openDataSource } from '@state-hub/db';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';

/**
 * The engine's own database, for the engine running alone. A dynamic module, so that merely
 * importing the engine (as the one-process deployment does, on the hub's database) registers no
 * second default data source.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(getDataSourceToken()) private readonly dataSource: DataSource) {}

  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          // Nest retries the factory while the database is not reachable yet (e.g. starting alongside it).
          useFactory: (config: ConfigService<AppConfig, true>) => ({
            url: config.get('DATABASE_URL', { infer: true }),
            dataDir: config.get('ENGINE_DATA_DIR', { infer: true }),
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
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await closeDataSource(this.dataSource);
  }
}
