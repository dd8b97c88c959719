import { Global, Module } from '@nestjs/common';
import { DeadLetterBox } from '../dead-letters/dead-letter-box';
import { JetStreamDeadLetterBox } from '../dead-letters/jetstream-dead-letter-box';
import { RedriveLog } from '../dead-letters/redrive-log';
import { EventPublisher } from './event-publisher.service';
import { TransportRegistry } from './transport-registry';

@Global()
@Module({
  providers: [
    EventPublisher,
    TransportRegistry,
    RedriveLog,
    { provide: DeadLetterBox, useClass: JetStreamDeadLetterBox },
  ],
  exports: [EventPublisher, TransportRegistry, DeadLetterBox],
})
export class NatsModule {}
