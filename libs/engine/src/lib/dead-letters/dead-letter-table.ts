// Dead letters without NATS: the table `dead_letters`, written once per message
// (a retried store of the same message changes nothing). A redriven event that
// fails again keeps its count: the redrives logged for its key.
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DeadLetter, DeadLetterStore } from '@state-hub/jetstream-transport';
import { DataSource } from 'typeorm';

@Injectable()
export class DeadLetterTable implements DeadLetterStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async store(letter: DeadLetter, key: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO dead_letters
         (source_key, original_subject, reason, payload, payload_truncated, payload_bytes, delivery_count, redrive_count)
       VALUES ($1, $2, $3, decode($4, 'base64'), $5, $6, $7,
               (SELECT count(*)::int FROM dead_letter_redrives WHERE source_key = $8))
       ON CONFLICT (source_key) DO NOTHING`,
      [
        key,
        letter.original_subject,
        letter.reason,
        letter.payload_base64,
        letter.payload_truncated === true,
        letter.payload_bytes ?? null,
        letter.delivery_count ?? null,
        key, // again, as text for the count (a parameter has one type per statement)
      ],
    );
  }
}
