// A dead letter as the API answers it: in a list with a payload preview, alone
// with the whole payload (as text when it is UTF-8, always as base64).
import { ApiProperty } from '@nestjs/swagger';
import { EVENT_DELIVERIES, type EventDelivery } from '@state-hub/db';
import type { DeadLetterRecord } from '../dead-letter-box';

const PREVIEW_CHARS = 200;
const strict = new TextDecoder('utf-8', { fatal: true });

/** The payload as text, or undefined when it is not UTF-8. */
function asText(payload: Buffer): string | undefined {
  try {
    return strict.decode(payload);
  } catch {
    return undefined;
  }
}

/** The start of the payload, readable on one line: control characters (newlines too) shown as spaces. */
function preview(payload: Buffer): string {
  const text = payload.toString('utf8'); // a character cut at the end shows as U+FFFD
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f]+/g, ' ');
  return flat.length > PREVIEW_CHARS ? `${flat.slice(0, PREVIEW_CHARS)}…` : flat;
}

export class DeadLetterView {
  @ApiProperty({ description: 'a UUID without NATS; the sequence in the dead-letter stream with JetStream' })
  id: string;
  @ApiProperty({ enum: EVENT_DELIVERIES, description: 'where it is kept: the dead-letter stream, or the table' })
  delivery: EventDelivery;
  @ApiProperty({ example: 'org.statehub.repo.registered' }) original_subject: string;
  @ApiProperty({ example: 'handler failed on all 5 deliveries; last error: recording runs failed' }) reason: string;
  @ApiProperty({ type: 'integer', nullable: true, description: 'deliveries before it was dead-lettered' })
  delivery_count: number | null;
  @ApiProperty({ type: 'integer', description: 'how often the message was redriven before it became this letter' })
  redrive_count: number;
  @ApiProperty({ type: String, format: 'date-time' }) dead_lettered_at: Date;
  @ApiProperty({ type: 'integer', description: 'size of the original payload' }) payload_bytes: number;
  @ApiProperty({ description: 'the letter keeps only the first 512 KiB of the payload' }) payload_truncated: boolean;
  @ApiProperty({ description: 'the first 200 characters of the payload, on one line' }) payload_preview: string;

  static from(letter: DeadLetterRecord): DeadLetterView {
    return Object.assign(new DeadLetterView(), listFields(letter));
  }
}

function listFields(letter: DeadLetterRecord): DeadLetterView {
  return {
    id: letter.id,
    delivery: letter.delivery,
    original_subject: letter.original_subject,
    reason: letter.reason,
    delivery_count: letter.delivery_count,
    redrive_count: letter.redrive_count,
    dead_lettered_at: letter.dead_lettered_at,
    payload_bytes: letter.payload_bytes,
    payload_truncated: letter.payload_truncated,
    payload_preview: preview(letter.payload),
  };
}

export class DeadLetterDetailView extends DeadLetterView {
  @ApiProperty({ type: String, nullable: true, description: 'the stored payload as text; null when it is not UTF-8' })
  payload_text: string | null;
  @ApiProperty({ format: 'byte', description: 'the stored payload, base64' }) payload_base64: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'string' } },
    nullable: true,
    description: 'headers of the original message (JetStream)',
  })
  headers: Record<string, string[]> | null;
  @ApiProperty({
    example: 'ACTIVITY_EVENTS:42',
    description: 'the dead-lettered message: `<stream>:<sequence>`, or `outbox:<event id>`',
  })
  source: string;
  @ApiProperty({ type: String, nullable: true, description: 'why this letter cannot be redriven; null when it can' })
  unredrivable: string | null;

  static override from(letter: DeadLetterRecord): DeadLetterDetailView {
    return Object.assign(new DeadLetterDetailView(), {
      ...listFields(letter),
      payload_text: asText(letter.payload) ?? null,
      payload_base64: letter.payload.toString('base64'),
      headers: letter.headers,
      source: letter.source_key,
      unredrivable: letter.unredrivable ?? null,
    });
  }
}

export class DeadLetterPageView {
  @ApiProperty({ type: [DeadLetterView], description: 'newest first' }) items: DeadLetterView[];
  @ApiProperty({ type: 'integer' }) limit: number;
  @ApiProperty({ enum: EVENT_DELIVERIES }) delivery: EventDelivery;
  @ApiProperty({
    type: 'integer',
    description:
      'Older letters this list did not look at: on JetStream a list reads the newest DEAD_LETTER_SCAN_LIMIT sequences ' +
      'of the dead-letter stream (default 10,000), and this counts the letters below them when it ran out before ' +
      'finding `limit` letters or reaching `since`. 0 when none was left out (always 0 without NATS). A larger ' +
      'DEAD_LETTER_SCAN_LIMIT reaches them.',
  })
  unsearched: number;
}
