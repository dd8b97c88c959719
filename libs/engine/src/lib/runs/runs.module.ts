import { Module } from '@nestjs/common';
import { BackgroundRuns } from './background-runs.service';
import { RunExecutor } from './run-executor.service';
import { RunRecorder } from './run-recorder';
import { RunSweeper } from './run-sweeper.service';
import { RunsQueryService } from './runs-query.service';
import { RunsController } from './runs.controller';

@Module({
  controllers: [RunsController],
  providers: [RunExecutor, RunRecorder, RunSweeper, RunsQueryService, BackgroundRuns],
  exports: [RunExecutor, RunRecorder, RunsQueryService, BackgroundRuns],
})
export class RunsModule {}
