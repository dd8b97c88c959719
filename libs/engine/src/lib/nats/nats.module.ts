import { Global, Module } from '@nestjs/common';
import { EventPublisher } from './event-publisher.service';
import { TransportRegistry } from './transport-registry';

@Global()
@Module({ providers: [EventPublisher, TransportRegistry], exports: [EventPublisher, TransportRegistry] })
export class NatsModule {}
