import { Module } from '@nestjs/common';
import { ConsistencyController } from './consistency.controller';
import { ConsistencyService } from './consistency.service';
import { RepoSyncController } from './repo-sync.controller';

@Module({ controllers: [ConsistencyController, RepoSyncController], providers: [ConsistencyService] })
export class ConsistencyModule {}
