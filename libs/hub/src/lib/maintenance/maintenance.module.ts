// Maintenance jobs reachable over HTTP, so an activity definition can run them.
import { Module } from '@nestjs/common';
import { MaintenanceController } from './maintenance.controller';
import { StaleCleanupService } from './stale-cleanup.service';

@Module({ controllers: [MaintenanceController], providers: [StaleCleanupService] })
export class MaintenanceModule {}
