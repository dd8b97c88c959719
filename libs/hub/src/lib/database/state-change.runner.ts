// Every state change of the hub runs through here, in one transaction. Events
// it emits go to the outbox in that same transaction: a rolled-back change
// never leaks an event, a committed change never loses one.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EventEnvelope } from '@state-hub/envelope';
import { appendToOutbox, changeWithEvent, type ChangeStatement, OutboxSignal } from '@state-hub/outbox';
import { type AttributesOf, buildEvent, type Subject } from '@state-hub/subjects';
import { DataSource, EntityManager } from 'typeorm';

/** What a state-changing service method gets to work with. */
export interface StateChange {
  /** The transaction's entity manager: use it, and only it, for every read and write. */
  readonly manager: EntityManager;
  /** Records a lifecycle event in the outbox, in this transaction. */
  emit<S extends Subject>(subject: S, attributes: AttributesOf<S>): Promise<EventEnvelope>;
}

@Injectable()
export class StateChangeRunner {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxSignal,
  ) {}

  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  async run<T>(work: (change: StateChange) => Promise<T>): Promise<T> {
    let emitted = 0;
    const result = await this.dataSource.transaction((manager) =>
      work({
        manager,
        emit: async (subject, attributes) => {
          const envelope = buildEvent(subject, attributes);
          await appendToOutbox(manager, envelope, { outbox: this.outbox });
          emitted++;
          return envelope;
        },
      }),
    );
    if (emitted > 0) this.outbox.committed();
    return result;
  }

  /**
   * A state change that is one statement, and its event: one round trip, one transaction, and no row lock held
   * while this process works on other requests (a hot path's locks are then held only inside Postgres).
   * The event is recorded only if `change` returns a row; resolves `change`'s rows.
   */
  async runStatement<T, S extends Subject>(
    change: ChangeStatement,
    subject: S,
    attributes: AttributesOf<S>,
  ): Promise<{ rows: T[]; event: EventEnvelope }> {
    const event = buildEvent(subject, attributes);
    const rows = await changeWithEvent<T>(this.dataSource.manager, change, event, { outbox: this.outbox });
    if (rows.length > 0) this.outbox.committed();
    return { rows, event };
  }
}
