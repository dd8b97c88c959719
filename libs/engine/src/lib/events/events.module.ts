import { Module } from '@nestjs/common';
import { RunsModule } from '../runs/runs.module';
import { EventsController } from './events.controller';

@Module({ imports: [RunsModule], controllers: [EventsController] })
export class EventsModule {}
