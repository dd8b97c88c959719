// Every state change of the hub runs through here, in one transaction. Later
// layers (the event outbox) hook into the same transaction via StateChange.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/** What a state-changing service method gets to work with. */
export interface StateChange {
  /** The transaction's entity manager: use it, and only it, for every read and write. */
  readonly manager: EntityManager;
}

@Injectable()
export class StateChangeRunner {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in one transaction: all of it commits, or none of it does. */
  run<T>(work: (change: StateChange) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((manager) => work({ manager }));
  }
}
