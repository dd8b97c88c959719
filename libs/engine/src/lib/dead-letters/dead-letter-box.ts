// Dead letters as the API works with them, wherever they are kept: the
// ACTIVITY_DEADLETTER stream (JetStream delivery) or the `dead_letters` table
// (outbox delivery). NatsModule and OutboxDeliveryModule each provide their mode's box.
import type { EventDelivery } from '@state-hub/db';

export interface DeadLetterFilter {
  /** The original subject, exact or with NATS wildcards (see subject-pattern.ts). */
  subject?: string;
  /** A part of the reason, any case. */
  reason?: string;
  /** Only letters written at or after this time. */
  since?: Date;
  limit: number;
}

export interface DeadLetterRecord {
  /** The table row's uuid, or the letter's sequence in the dead-letter stream. */
  id: string;
  delivery: EventDelivery;
  original_subject: string;
  reason: string;
  delivery_count: number | null;
  /** How often the message was redriven before it became this letter. */
  redrive_count: number;
  dead_lettered_at: Date;
  /** The stored copy: whole from `get`, at least its first PREVIEW_BYTES from `list`. */
  payload: Buffer;
  /** The stored copy was cut (at 512 KiB): the original is larger. */
  payload_truncated: boolean;
  /** Size of the original payload. */
  payload_bytes: number;
  /** Headers of the original message (JetStream only). */
  headers: Record<string, string[]> | null;
  /** The dead-lettered message: `<stream>:<sequence>`, or `outbox:<event id>`. */
  source_key: string;
  /** Sequence of the original message in its stream (JetStream only; where a cut payload is read back from). */
  stream_sequence?: number;
  /** Why this letter cannot be redriven, when it cannot (e.g. the dead-letter record itself is unreadable). */
  unredrivable?: string;
}

/** What a list found, newest first, and how many older letters it did not look at. */
export interface DeadLetterList {
  letters: DeadLetterRecord[];
  /**
   * Letters older than the ones a list may look through (JetStream: the newest DEAD_LETTER_SCAN_LIMIT sequences of
   * the stream), not looked at because the list ran out of them before it had `limit` matches or reached `since`;
   * 0 when none was left out, or when none of them can be newer than `since`.
   */
  unsearched: number;
}

export interface RedriveReceipt {
  /** Where the message went again: `<stream>:<sequence>`, or `outbox:<event id>`. */
  republished_as: string;
  /** The redrive count the message carries now. */
  redrive_number: number;
}

/** Bytes of the payload that `list` reads at least: enough for a preview. */
export const PREVIEW_BYTES = 1024;

/** A redrive the box refuses for this letter, with the reason (no retry will change it). */
export class RedriveRefusedError extends Error {
  override readonly name = 'RedriveRefusedError';
}

export abstract class DeadLetterBox {
  abstract readonly delivery: EventDelivery;

  /** The id as this box stores it; a BadRequestError naming `field` when it cannot be one of its ids. */
  abstract checkId(id: string, field: string): string;

  /** Newest first, with what was left unsearched. */
  abstract list(filter: DeadLetterFilter): Promise<DeadLetterList>;

  /** Undefined when no letter has this (checked) id. */
  abstract get(id: string): Promise<DeadLetterRecord | undefined>;

  /**
   * Puts the original message back on its subject for the engine to take again, logs who did it,
   * then removes the letter. Throws RedriveRefusedError when this letter cannot be redriven.
   */
  abstract redrive(letter: DeadLetterRecord, redrivenBy: string): Promise<RedriveReceipt>;
}
