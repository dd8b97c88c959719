// Event transport of the one-process deployment without NATS: the engine takes
// events from the hub's outbox (the relay hands them to OUTBOX_DELIVERY), dead
// letters go to the `dead_letters` table, and the `publish` instruction writes
// to the outbox. Stands in for NatsModule; the hub's relay is in the same process.
import { Global, Module } from '@nestjs/common';
import { OutboxServer } from '@state-hub/jetstream-transport';
import { OUTBOX_DELIVERY } from '@state-hub/outbox';
import { DeadLetterTable } from '../dead-letters/dead-letter-table';
import { checkCatalogEvent } from '../events/catalog-event-check';
import { EventPublisher } from './event-publisher.service';
import { OutboxEventPublisher } from './outbox-event-publisher';
import { TransportRegistry } from './transport-registry';

@Global()
@Module({
  providers: [
    DeadLetterTable,
    TransportRegistry,
    { provide: EventPublisher, useClass: OutboxEventPublisher },
    {
      provide: OUTBOX_DELIVERY,
      inject: [DeadLetterTable, TransportRegistry],
      useFactory: (deadLetters: DeadLetterTable, registry: TransportRegistry) => {
        // Catalog events with attributes that break their schema are dead-lettered, never run (as on JetStream).
        const server = new OutboxServer({ deadLetters, validate: checkCatalogEvent });
        registry.setOutbox(server);
        return server;
      },
    },
  ],
  exports: [EventPublisher, TransportRegistry, DeadLetterTable, OUTBOX_DELIVERY],
})
export class OutboxDeliveryModule {}
