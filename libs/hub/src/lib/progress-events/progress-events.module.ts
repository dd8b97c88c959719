import { Module } from '@nestjs/common';
import { ProgressEventsController } from './progress-events.controller';
import { ProgressEventsService } from './progress-events.service';

@Module({ controllers: [ProgressEventsController], providers: [ProgressEventsService] })
export class ProgressEventsModule {}
