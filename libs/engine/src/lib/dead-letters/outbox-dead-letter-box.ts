// Dead letters with outbox delivery (no NATS): rows of `dead_letters`. A redrive,
// in one transaction, makes the event's outbox row due again (or writes it back
// from the letter when it was pruned), logs the redrive and deletes the letter;
// the relay then hands the event to the engine as it did the first time.
import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BadRequestError } from '@state-hub/nest-http';
import { needsNotify, OUTBOX_CHANNEL, OutboxSignal } from '@state-hub/outbox';
import { DataSource, type EntityManager } from 'typeorm';
import {
  type DeadLetterFilter,
  type DeadLetterList,
  type DeadLetterRecord,
  DeadLetterBox,
  PREVIEW_BYTES,
  type RedriveReceipt,
  RedriveRefusedError,
} from './dead-letter-box';
import { RedriveLog } from './redrive-log';
import { subjectRegex } from './subject-pattern';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COLUMNS = `id, source_key, original_subject, reason, payload_truncated, payload_bytes, delivery_count,
  redrive_count, dead_lettered_at, octet_length(payload) AS stored_bytes`;

interface LetterRow {
  id: string;
  source_key: string;
  original_subject: string;
  reason: string;
  payload: Buffer;
  payload_truncated: boolean;
  payload_bytes: number | null;
  delivery_count: number | null;
  redrive_count: number;
  dead_lettered_at: Date;
  stored_bytes: number;
}

@Injectable()
export class OutboxDeadLetterBox extends DeadLetterBox {
  readonly delivery = 'outbox' as const;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: RedriveLog,
    @Optional() private readonly signal?: OutboxSignal,
  ) {
    super();
  }

  checkId(id: string, field: string): string {
    if (!UUID.test(id))
      throw new BadRequestError(`${field} must be a UUID, got ${JSON.stringify(id.slice(0, 64))}`, field);
    return id.toLowerCase();
  }

  async list(filter: DeadLetterFilter): Promise<DeadLetterList> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.subject) where.push(`original_subject ~ ${param(subjectRegex(filter.subject))}`);
    if (filter.reason) where.push(`strpos(lower(reason), lower(${param(filter.reason)})) > 0`);
    if (filter.since) where.push(`dead_lettered_at >= ${param(filter.since)}`);
    const rows: LetterRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, substring(payload FROM 1 FOR ${PREVIEW_BYTES}) AS payload FROM dead_letters
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY dead_lettered_at DESC, id DESC LIMIT ${param(filter.limit)}`,
      params,
    );
    return { letters: rows.map(toRecord), unsearched: 0 }; // the query looks at every row
  }

  async get(id: string): Promise<DeadLetterRecord | undefined> {
    const rows: LetterRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS}, payload FROM dead_letters WHERE id = $1`,
      [id],
    );
    return rows[0] && toRecord(rows[0]);
  }

  async redrive(letter: DeadLetterRecord, redrivenBy: string): Promise<RedriveReceipt> {
    const receipt = await this.dataSource.transaction(async (m) => {
      const locked: unknown[] = await m.query(`SELECT id FROM dead_letters WHERE id = $1 FOR UPDATE`, [letter.id]);
      if (locked.length === 0) throw new RedriveRefusedError('the letter is gone (redriven or removed meanwhile)');
      const eventId = await this.requeue(m, letter);
      const count = letter.redrive_count + 1;
      await this.log.record(
        {
          delivery: 'outbox',
          letter_id: letter.id,
          source_key: letter.source_key,
          original_subject: letter.original_subject,
          redrive_number: count,
          redriven_by: redrivenBy,
          republished_as: `outbox:${eventId}`,
        },
        m,
      );
      await m.query(`DELETE FROM dead_letters WHERE id = $1`, [letter.id]);
      if (needsNotify(this.signal)) await m.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '')`);
      return { republished_as: `outbox:${eventId}`, redrive_number: count };
    });
    this.signal?.committed();
    return receipt;
  }

  /** Makes the event due in the outbox again; returns its outbox id. */
  private async requeue(m: EntityManager, letter: DeadLetterRecord): Promise<string> {
    const fromKey = /^outbox:(.+)$/.exec(letter.source_key)?.[1];
    const eventId = fromKey && UUID.test(fromKey) ? fromKey : undefined;
    if (eventId) {
      // As a SELECT: TypeORM answers a bare UPDATE with [rows, count], whatever it changed.
      const reset: unknown[] = await m.query(
        `WITH reset AS (
           UPDATE event_outbox
              SET published_at = NULL, attempts = 0, next_attempt_at = now(), claimed_until = NULL, last_error = NULL
            WHERE id = $1 RETURNING id)
         SELECT id FROM reset`,
        [eventId],
      );
      if (reset.length > 0) return eventId;
    }
    // The row was pruned (published rows are, after the relay's retention): write it back from the letter.
    if (letter.payload_truncated) {
      throw new RedriveRefusedError(
        `the letter holds only the first ${letter.payload.length} of ${letter.payload_bytes} bytes, ` +
          'and the event is no longer in the outbox',
      );
    }
    const envelope = letter.payload.toString('utf8');
    try {
      JSON.parse(envelope);
    } catch {
      throw new RedriveRefusedError('the payload is not JSON, so it cannot go back into the outbox');
    }
    const [row] = (await m.query(
      `INSERT INTO event_outbox (id, subject, envelope) VALUES (COALESCE($1::uuid, gen_random_uuid()), $2, $3::jsonb)
       RETURNING id`,
      [eventId ?? null, letter.original_subject, envelope],
    )) as { id: string }[];
    return row.id;
  }
}

function toRecord(row: LetterRow): DeadLetterRecord {
  return {
    id: row.id,
    delivery: 'outbox',
    original_subject: row.original_subject,
    reason: row.reason,
    delivery_count: row.delivery_count,
    redrive_count: row.redrive_count,
    dead_lettered_at: row.dead_lettered_at,
    payload: Buffer.from(row.payload),
    payload_truncated: row.payload_truncated,
    payload_bytes: row.payload_bytes ?? row.stored_bytes,
    headers: null,
    source_key: row.source_key,
  };
}
