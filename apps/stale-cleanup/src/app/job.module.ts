// The job's Nest module: its validated config and the cleanup service; no HTTP.
import { type DynamicModule, Module } from '@nestjs/common';
import { StaleCleanupJob } from '../cleanup/stale-cleanup.job';
import { JobConfig } from '../config/job-config';

@Module({})
export class JobModule {
  static forRoot(config: JobConfig): DynamicModule {
    return {
      module: JobModule,
      providers: [{ provide: JobConfig, useValue: config }, StaleCleanupJob],
    };
  }
}
