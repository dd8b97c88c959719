// Event transport of the one-process deployment without NATS: the engine takes
// events from the hub's outbox (the relay hands them to OUTBOX_DELIVERY), dead
// letters go to the `dead_letters` table (and are listed and redriven from it),
// and the `publish` instruction writes to the outbox. Stands in for NatsModule;
// the hub's relay is in the same process.
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { OutboxServer } from '@state-hub/jetstream-transport';
import { OUTBOX_DELIVERY } from '@state-hub/outbox';
import { DeadLetterBox } from '../dead-letters/dead-letter-box';
import { DeadLetterTable } from '../dead-letters/dead-letter-table';
import { OutboxDeadLetterBox } from '../dead-letters/outbox-dead-letter-box';
import { RedriveLog } from '../dead-letters/redrive-log';
import type { AppConfig } from '../config/app-config';
import { checkConsumedEvent } from '../events/catalog-event-check';
import { EventPublisher } from './event-publisher.service';
import { OutboxEventPublisher } from './outbox-event-publisher';
import { TransportRegistry } from './transport-registry';

@Global()
@Module({
  providers: [
    DeadLetterTable,
    TransportRegistry,
    RedriveLog,
    { provide: DeadLetterBox, useClass: OutboxDeadLetterBox },
    { provide: EventPublisher, useClass: OutboxEventPublisher },
    {
      provide: OUTBOX_DELIVERY,
      inject: [DeadLetterTable, TransportRegistry, ConfigService],
      useFactory: (
        deadLetters: DeadLetterTable,
        registry: TransportRegistry,
        config: ConfigService<AppConfig, true>,
      ) => {
        // A tolerant reader, as on JetStream: only another major version of a catalog subject is dead-lettered.
        const server = new OutboxServer({
          deadLetters,
          validate: checkConsumedEvent,
          maxInFlight: config.get('ENGINE_MAX_IN_FLIGHT', { infer: true }),
        });
        registry.setOutbox(server);
        return server;
      },
    },
  ],
  exports: [EventPublisher, TransportRegistry, DeadLetterTable, DeadLetterBox, OUTBOX_DELIVERY],
})
export class OutboxDeliveryModule {}
