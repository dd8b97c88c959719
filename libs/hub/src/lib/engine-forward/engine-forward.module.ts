// The split deployment's /engine/* forwarder (the one process serves its engine itself).
import { Module } from '@nestjs/common';
import { EngineForwardController } from './engine-forward.controller';
import { EngineForwardService } from './engine-forward.service';

@Module({ controllers: [EngineForwardController], providers: [EngineForwardService] })
export class EngineForwardModule {}
