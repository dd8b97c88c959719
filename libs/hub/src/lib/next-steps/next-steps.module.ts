import { Module } from '@nestjs/common';
import { NextStepsController } from './next-steps.controller';
import { NextStepsService } from './next-steps.service';

@Module({ controllers: [NextStepsController], providers: [NextStepsService] })
export class NextStepsModule {}
