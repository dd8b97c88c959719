// The record written to the dead-letter stream for a message the consumer gave
// up on: enough to read, replay or discard it without the original stream.
import type { MsgHdrs } from '@nats-io/transport-node';
import { DEAD_LETTER_SUBJECT_PREFIX } from './jetstream-transport-options';

export interface DeadLetter {
  original_subject: string;
  reason: string;
  stream_sequence?: number;
  delivery_count?: number;
  payload_base64: string;
  headers?: Record<string, string[]>;
  /** RFC 3339 UTC. */
  dead_lettered_at: string;
}

export interface DeadLetterInput {
  subject: string;
  reason: string;
  data: Uint8Array;
  streamSequence?: number;
  deliveryCount?: number;
  headers?: MsgHdrs;
  now?: Date;
}

export function buildDeadLetter(input: DeadLetterInput): DeadLetter {
  const letter: DeadLetter = {
    original_subject: input.subject,
    reason: input.reason,
    payload_base64: Buffer.from(input.data).toString('base64'),
    dead_lettered_at: (input.now ?? new Date()).toISOString(),
  };
  if (input.streamSequence !== undefined) letter.stream_sequence = input.streamSequence;
  if (input.deliveryCount !== undefined) letter.delivery_count = input.deliveryCount;
  const headers = headersToRecord(input.headers);
  if (headers) letter.headers = headers;
  return letter;
}

/** `deadletter.<original subject>`: outside `org.>`, so a dead letter is never consumed as an event. */
export function deadLetterSubject(originalSubject: string): string {
  return `${DEAD_LETTER_SUBJECT_PREFIX}.${originalSubject || 'unknown'}`;
}

/**
 * Nats-Msg-Id of a dead letter: the source stream and sequence, so the handler path,
 * a retry and every replica's max-deliveries advisory write it once.
 */
export function deadLetterMsgId(stream: string, streamSequence: number): string {
  return `${stream}:${streamSequence}`;
}

function headersToRecord(headers: MsgHdrs | undefined): Record<string, string[]> | undefined {
  if (!headers) return undefined;
  const record: Record<string, string[]> = {};
  for (const key of headers.keys()) record[key] = headers.values(key);
  return Object.keys(record).length > 0 ? record : undefined;
}
