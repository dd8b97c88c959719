// The `publish` instruction without NATS: the engine's event goes into the same
// outbox as the hub's, in one statement, and is delivered to the engine the same
// way. Its id is derived from the run's msgId, so a retried publish stores it once.
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope } from '@state-hub/envelope';
import { appendToOutbox, OutboxSignal } from '@state-hub/outbox';
import { v5 as uuidv5 } from 'uuid';
import { DataSource } from 'typeorm';

/** Any fixed namespace: event ids of engine publishes are uuid v5 of their msgId within it. */
const ENGINE_EVENT_NAMESPACE = '6f1c1b8e-2f4f-4d8e-9a51-0d6b3c7e2a10';

@Injectable()
export class OutboxEventPublisher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Optional() private readonly signal?: OutboxSignal,
  ) {}

  /** The outbox is the database: up whenever the database is. */
  isConnected(): boolean {
    return this.dataSource.isInitialized;
  }

  async publish(
    envelope: EventEnvelope,
    msgId: string,
  ): Promise<{ stream: string; seq: number; duplicate: boolean; event_id: string }> {
    const stored = { ...envelope, id: uuidv5(msgId, ENGINE_EVENT_NAMESPACE) };
    const inserted = await appendToOutbox(this.dataSource.manager, stored, {
      ifAbsent: true,
      outbox: this.signal,
    });
    if (inserted) this.signal?.committed();
    return { stream: 'outbox', seq: 0, duplicate: !inserted, event_id: stored.id };
  }
}
