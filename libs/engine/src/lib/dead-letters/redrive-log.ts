// The record of every redrive (table `dead_letter_redrives`, both delivery modes):
// who put which message back on its subject, when, and as what.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DeadLetterRedriveEntity } from '@state-hub/db';
import type { DataSource, EntityManager } from 'typeorm';

export type RedriveEntry = Omit<DeadLetterRedriveEntity, 'id' | 'redriven_at'>;

@Injectable()
export class RedriveLog {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Inserts the entry, in the caller's transaction when given its manager. */
  async record(entry: RedriveEntry, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.getRepository(DeadLetterRedriveEntity).insert(entry);
  }
}
