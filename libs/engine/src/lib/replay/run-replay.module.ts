import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { RunReplayController } from './run-replay.controller';
import { RunReplayService } from './run-replay.service';

@Module({ imports: [RunsModule], controllers: [RunReplayController], providers: [RunReplayService] })
export class RunReplayModule {}
