// The dead-letter routes; the box they read (stream or table) comes from the
// delivery module of the mode (NatsModule or OutboxDeliveryModule).
import { Module } from '@nestjs/common';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';

@Module({ controllers: [DeadLettersController], providers: [DeadLettersService] })
export class DeadLettersModule {}
