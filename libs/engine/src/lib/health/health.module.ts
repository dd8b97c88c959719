import { Module } from '@nestjs/common';
import { EngineHealth } from './engine-health.service';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [EngineHealth], exports: [EngineHealth] })
export class HealthModule {}
