import { Module } from '@nestjs/common';
import { DomainGoalsController } from './domain-goals.controller';
import { DomainGoalsService } from './domain-goals.service';

@Module({ controllers: [DomainGoalsController], providers: [DomainGoalsService] })
export class DomainGoalsModule {}
