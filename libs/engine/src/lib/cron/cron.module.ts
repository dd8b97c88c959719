import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { CronScheduler } from './cron-scheduler.service';

@Module({ imports: [RunsModule], providers: [CronScheduler], exports: [CronScheduler] })
export class CronModule {}
